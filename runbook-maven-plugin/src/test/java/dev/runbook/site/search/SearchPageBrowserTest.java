package dev.runbook.site.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search UI in real headless Chromium, opened from file:// (where fetch() is blocked): lazy
 * loading, `/` to focus, results as you type, keyboard navigation, ARIA state, filters, Enter to open,
 * and that runbook text is never parsed as HTML.
 */
class SearchPageBrowserTest {

    @TempDir
    Path dir;

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>
            <link rel="stylesheet" href="${root}assets/search.css">
            <script src="${root}assets/search.js" defer></script></head>
            <body><header><form class="search" role="search" data-root="${root}" onsubmit="return false">
            <input id="search-input" type="search" placeholder="Search runbooks" aria-label="Search runbooks"
             aria-controls="search-results" aria-expanded="false"><div id="search-results" role="listbox" hidden></div>
            </form></header><main><h1>${title}</h1><input id="other" type="text"></main></body></html>
            """;

    private void page(Path site, String relative, String root, String title) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, PAGE.replace("${root}", root).replace("${title}", title));
    }

    private static void copyAsset(String name, Path site) throws IOException {
        try (InputStream in = SearchPageBrowserTest.class.getClassLoader().getResourceAsStream("dev/runbook/theme/assets/" + name)) {
            assertTrue(in != null, name + " is packaged");
            Files.createDirectories(site.resolve("assets"));
            Files.copy(in, site.resolve("assets").resolve(name));
        }
    }

    @Test
    void searchWorksFromFileUrlsWithTheKeyboard() throws IOException {
        Path site = dir.resolve("site");
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.demo());
        docs.add(new SearchDocument("misc/hostile.html", "Hostile <img src=x onerror=\"window.pwned=1\"> page", "",
                List.of("misc"), List.of(), "P4", List.of(new SearchDocument.Section("", "", "<b>bold</b> hostile text"))));
        new SearchIndexWriter().write(docs, site);
        copyAsset("search.js", site);
        copyAsset("search.css", site);
        page(site, "guides/start.html", "../", "Start");
        page(site, "database/postgres-failover.html", "../", "Postgres primary failover");

        try (MiniWebDriver browser = new MiniWebDriver(dir.resolve("chrome-profile"))) {
            browser.navigate(site.resolve("guides/start.html").toUri().toString());
            browser.waitFor("window.RunbookSearch && document.readyState === 'complete'", "search.js");
            assertEquals(0, browser.script("return [...document.scripts].filter(s => s.src.includes('/search/')).length").asInt(),
                    "no index is loaded before the user asks for search");

            // `/` typed into another field is just a character.
            browser.script("document.getElementById('other').focus()");
            browser.keys("/");
            assertEquals("/", browser.script("return document.getElementById('other').value").asText());
            browser.script("document.activeElement.blur()");
            browser.keys("/");
            assertEquals("search-input", browser.script("return document.activeElement.id").asText());
            browser.waitFor("[...document.scripts].some(s => s.src.endsWith('/site/search/meta.js'))"
                    + " && document.querySelectorAll('.search-filter').length === 3", "index meta and filters");

            browser.keys("failo");
            browser.waitFor("document.querySelectorAll('#search-results [role=option]').length > 0"
                    + " && !document.getElementById('search-results').hidden", "results");
            JsonNode first = browser.script("""
                    const o = document.querySelector('#search-results [role=option]');
                    return {title: o.querySelector('.search-title').textContent, href: o.querySelector('a').href,
                            marks: [...o.querySelectorAll('mark')].map(m => m.textContent),
                            expanded: document.getElementById('search-input').getAttribute('aria-expanded')};
                    """);
            assertEquals("Postgres primary failover", first.get("title").asText());
            assertTrue(first.get("href").asText().startsWith(site.resolve("database/postgres-failover.html").toUri().toString()),
                    first.get("href").asText());
            assertTrue(first.get("marks").toString().contains("failover"), first.toString());
            assertEquals("true", first.get("expanded").asText());

            browser.keys(MiniWebDriver.ARROW_DOWN);
            JsonNode aria = browser.script("""
                    const i = document.getElementById('search-input');
                    return {active: i.getAttribute('aria-activedescendant'),
                            selected: document.getElementById('search-result-0').getAttribute('aria-selected')};
                    """);
            assertEquals("search-result-0", aria.get("active").asText());
            assertEquals("true", aria.get("selected").asText());

            browser.keys(MiniWebDriver.ESCAPE);
            browser.waitFor("document.getElementById('search-results').hidden"
                    + " && document.getElementById('search-input').getAttribute('aria-expanded') === 'false'", "closed");

            // Runbook text is shown as text, never parsed as HTML.
            browser.script("const i = document.getElementById('search-input'); i.value = ''; i.focus();");
            browser.keys("hostile");
            browser.waitFor("document.querySelector('#search-results .search-title')"
                    + " && document.querySelector('#search-results .search-title').textContent.startsWith('Hostile')", "hostile");
            JsonNode hostile = browser.script("return {imgs: document.querySelectorAll('#search-results img, #search-results b').length,"
                    + " pwned: typeof window.pwned, title: document.querySelector('#search-results .search-title').textContent}");
            assertEquals(0, hostile.get("imgs").asInt());
            assertEquals("undefined", hostile.get("pwned").asText());
            assertTrue(hostile.get("title").asText().contains("<img src=x"), hostile.toString());

            // A filter alone lists its pages.
            browser.script("""
                    const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input'));
                    const s = document.querySelector('.search-filter[aria-label="Filter by severity"]');
                    s.value = 'P2'; s.dispatchEvent(new Event('change'));
                    """);
            browser.waitFor("document.querySelectorAll('#search-results [role=option]').length === 1"
                    + " && document.querySelector('#search-results .search-title').textContent.startsWith('TLS')", "severity filter");
            browser.script("const s = document.querySelector('.search-filter[aria-label=\"Filter by severity\"]');"
                    + " s.value = ''; s.dispatchEvent(new Event('change'));");

            // Enter opens the result.
            browser.script("const i = document.getElementById('search-input'); i.value = ''; i.focus();");
            browser.keys("promote replica");
            browser.waitFor("document.querySelector('#search-results .search-section')"
                    + " && document.querySelector('#search-results .search-section').textContent === 'Promote the replica'", "section result");
            browser.keys(MiniWebDriver.ENTER);
            String expected = site.resolve("database/postgres-failover.html").toUri() + "#promote-the-replica";
            String url = browser.currentUrl();
            for (int i = 0; i < 200 && !url.equals(expected); i++) {
                url = browser.currentUrl();
            }
            assertEquals(expected, url);
        }
    }

    @Test
    void searchWorksOverHttpAndToleratesTypos() throws IOException {
        Path site = dir.resolve("site");
        new SearchIndexWriter().write(SearchFixtures.demo(), site);
        copyAsset("search.js", site);
        copyAsset("search.css", site);
        page(site, "index.html", "", "Home");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean ok = file.startsWith(site) && Files.isRegularFile(file);
            byte[] body = ok ? Files.readAllBytes(file) : new byte[0];
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".css") ? "text/css" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(ok ? 200 : 404, ok ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (MiniWebDriver browser = new MiniWebDriver(dir.resolve("chrome-profile"))) {
            browser.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/index.html");
            browser.waitFor("window.RunbookSearch && document.readyState === 'complete'", "search.js");
            browser.script("document.getElementById('search-input').focus()");
            browser.keys("certficate");
            browser.waitFor("document.querySelector('#search-results .search-title')", "results");
            assertEquals("TLS certificate expiry at the edge",
                    browser.script("return document.querySelector('#search-results .search-title').textContent").asText());
            assertEquals("edge/tls-certificate-expiry.html", browser.script(
                    "return document.querySelector('#search-results a').getAttribute('href').split('#')[0]").asText());
        } finally {
            server.stop(0);
        }
    }
}
