package dev.runbook.hostile;

import dev.runbook.browser.HeadlessChromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.core.RunLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.RunbookStatus;
import dev.runbook.status.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The XSS corpus: a content folder whose every author-controlled field carries a script payload (front-matter
 * title, description, tags, service, owner; headings, link text and URLs, image alt, fence language and
 * attributes, smoke block names and assertions, smoke failure messages, file names, raw HTML, a
 * {@code </script>} in the text), built into a site with {@link SiteBuilder} and opened page by page, and
 * through the search box, in headless Chromium over a loopback HTTP server. For every page: no dialog, no
 * console error, no request that leaves the site's origin (Chromium's network log and a second "attacker"
 * server's access log), no link with a script URL, and each payload that is text shows as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssCorpusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** A 1×1 transparent PNG, so the image with a hostile alt loads without a console error. */
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private Path dir;
    private Path site;
    private OriginServer server;
    private OriginServer attacker;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private final List<String> visibleTexts = new ArrayList<>();

    /** A payload that is harmless only if it stays text; {@code n} tells which field let it through. */
    private static String payload(int n) {
        return "<img src=x onerror=alert(" + n + ")><script>alert(" + n + ")</script>\"'</script>&amp; zebrafish" + n;
    }

    private static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Markdown text that renders as exactly {@code text}: every ASCII punctuation mark backslash-escaped. */
    private static String markdownText(String text) {
        return text.replaceAll("([!-/:-@\\[-`{-~])", "\\\\$1");
    }

    @BeforeAll
    void buildAndStart() throws Exception {
        dir = Files.createTempDirectory("runbook-xss-");
        attacker = new OriginServer(null);
        String evil = attacker.origin();
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.write(content.resolve("pixel.png"), PIXEL);
        Files.writeString(content.resolve("fields.md"), String.join("\n",
                "---",
                "title: " + yaml(payload(1)),
                "description: " + yaml(payload(2)),
                "tags: [" + yaml(payload(3)) + ", plain]",
                "service: " + yaml(payload(4)),
                "owner: " + yaml(payload(5)),
                "severity: P1",
                "---",
                "",
                "## " + markdownText(payload(6)),
                "",
                "[" + markdownText(payload(7)) + "](other.md)",
                "",
                "![" + markdownText(payload(8)) + "](pixel.png)",
                "",
                "Script URLs: [a](javascript:alert(9)) [b](<javascript:alert(10)>) [c](JaVaScRiPt:alert(11))"
                        + " [d](&#106;avascript:alert(12)) [e](<data:text/html,%3Cscript%3Ealert(13)%3C/script%3E>)"
                        + " [f](vbscript:msgbox(14)) [g](http://a.test/\"onmouseover=\"alert(15)) <javascript:alert(16)>"
                        + " [h](" + evil + "link-only-never-fetched)",
                "",
                "```<script>alert(17)</script> {title=\"<img src=x onerror=alert(18)>\" data-x='\"><svg onload=alert(19)>'}",
                "code </script><script>alert(20)</script>",
                "```",
                "",
                "```smoke {name=" + yaml(payload(21)) + "}",
                "GET https://api.example.test/health",
                "expect body contains " + yaml(payload(22)),
                "```",
                "",
                "Text with a closing tag: " + markdownText("</script><script>alert(23)</script>") + " zebrafish23",
                ""));
        Files.writeString(content.resolve("raw-html.md"), String.join("\n",
                "# Raw HTML zebrafish30",
                "",
                "<script>alert(31)</script>",
                "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" onerror=\"alert(32)\">",
                "<svg onload=alert(33)><circle r=1 /></svg>",
                "<iframe src=\"javascript:alert(34)\"></iframe>",
                "<iframe srcdoc=\"<script>parent.alert(35)</script>\"></iframe>",
                "<a href=\"javascript:alert(36)\">click</a> <a href=\" jav&#x09;ascript:alert(37)\">tab</a>",
                "<form action=\"" + evil + "form\"><button formaction=\"javascript:alert(38)\">go</button></form>",
                "<link rel=\"stylesheet\" href=\"" + evil + "style.css\">",
                "<style>@import url(" + evil + "import.css); body { background: url(" + evil + "bg.png) }</style>",
                "<div style=\"background:url(" + evil + "inline.png)\">styled</div>",
                "<meta http-equiv=\"refresh\" content=\"0;url=" + evil + "refresh\">",
                "<base href=\"" + evil + "\">",
                "<object data=\"" + evil + "object\"></object><embed src=\"" + evil + "embed\">",
                "<video><source onerror=\"alert(39)\"></video><audio src=x onerror=alert(40)></audio>",
                "<details open ontoggle=\"alert(41)\"><summary>s</summary></details>",
                "<noscript><p title=\"</noscript><img src=pixel.png onload=alert(42)>\"></p></noscript>",
                "<math><mtext><table><mglyph><style><img src=pixel.png onload=alert(43)></style></mglyph></table></mtext></math>",
                "<svg><style><img src=pixel.png onload=alert(44)></style></svg>",
                "<input type=\"text\" autofocus onfocus=\"alert(45)\"> <input type=\"checkbox\" onclick=\"alert(46)\">",
                "",
                "Still visible after the raw HTML. ![pixel](pixel.png)",
                ""));
        Files.writeString(content.resolve("other.md"), "# Other\n\nPlain page.\n");
        Files.writeString(content.resolve("remote-image.md"), String.join("\n",
                "# Remote images",
                "",
                "<img src=\"" + evil + "raw-remote.png\" alt=\"raw remote\">",
                "",
                "![markdown remote](" + evil + "markdown-remote.png) ![local](pixel.png)",
                ""));
        Files.writeString(content.resolve("<img src=x onerror=alert(50)>.md"), "Body without a heading, zebrafish50.\n");

        site = dir.resolve("target/runbook-site");
        var loaded = new ContentLoader().load(content);
        new SiteBuilder().build(new SiteRequest(loaded, site, dir.resolve("target/runbook-site-state.json"), null,
                payload(60), null, false,
                runbook -> new RunbookStatus(Verification.FAILING, Instant.parse("2026-11-21T10:00:00Z"), false, null,
                        List.of(payload(61))),
                TODAY, "test", 2, RunLog.SILENT));
        assertTrue(Files.isRegularFile(site.resolve("fields.html")), "site not built: " + site);
        for (int n : List.of(1, 2, 4, 5, 6, 7, 21, 61)) {
            visibleTexts.add(payload(n));
        }

        server = new OriginServer(site);
        chromium = HeadlessChromium.start(options -> {
            // A dialog stays open for the test to find, instead of being dismissed behind its back.
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        });
        browser = chromium.driver();
        wait = chromium.waiter();
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (attacker != null) {
            attacker.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyPageIsInert() throws IOException {
        List<String> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertTrue(pages.size() >= 6, pages.toString());
        for (String page : pages) {
            open(page);
            assertInert(page);
        }
        assertEquals(List.of(), attacker.accessLog(), "requests reached the other origin");
    }

    @Test
    void theFieldsPageShowsEveryPayloadAsText() {
        open("fields.html");
        String text = (String) browser.executeScript("return document.body.textContent");
        for (String expected : visibleTexts) {
            assertTrue(text.contains(expected), "not shown as text: " + expected);
        }
        assertTrue(text.contains("</script><script>alert(23)</script> zebrafish23"), "closing script tag shown as text");
        assertTrue(browser.getTitle().contains(payload(1)), browser.getTitle());
        // flexmark resolves the entity in the alt text, so "&amp;" reads "&" there; the markup stays text.
        assertEquals(payload(8).replace("&amp;", "&"), browser.findElement(By.cssSelector("img[src$='pixel.png']")).getAttribute("alt"));
        assertTrue(text.contains("code </script><script>alert(20)</script>"), "code block shown as text");
        assertInert("fields.html");
    }

    @Test
    void rawHtmlIsSanitizedAndTheRestOfThePageRemains() {
        open("raw-html.html");
        String text = (String) browser.executeScript("return document.body.textContent");
        assertTrue(text.contains("Still visible after the raw HTML."), text);
        for (String tag : List.of("script:not([src])", "iframe", "object", "embed", "form", "style", "base", "meta[http-equiv]",
                "svg circle", "[onerror]", "[onload]", "[ontoggle]", "[onfocus]", "[onclick]", "[style]")) {
            List<WebElement> found = browser.findElements(By.cssSelector("main " + tag));
            assertEquals(List.of(), found.stream().map(e -> e.getAttribute("outerHTML")).toList(), "kept in the body: " + tag);
        }
        assertInert("raw-html.html");
    }

    /** The sanitizer keeps http(s) images; the page's Content-Security-Policy keeps the browser from fetching them. */
    @Test
    void aRemoteImageInRawHtmlOrMarkdownIsNotFetched() {
        open("remote-image.html");
        assertEquals(2, browser.findElements(By.cssSelector("main img[src^='" + attacker.origin() + "']")).size(),
                "the images are in the page");
        String policy = browser.findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']")).getAttribute("content");
        assertTrue(policy.startsWith("default-src 'self'; img-src 'self' data:;"), policy);
        assertInert("remote-image.html");
        assertEquals(List.of(), attacker.accessLog(), "the other origin was asked for an image");
    }

    @Test
    void searchResultsShowPayloadsAsText() {
        open("index.html");
        for (int n : List.of(1, 2, 6, 23, 50)) {
            WebElement input = browser.findElement(By.id("search-input"));
            input.clear();
            input.sendKeys("zebrafish" + n);
            WebElement results = browser.findElement(By.id("search-results"));
            wait.until(d -> results.isDisplayed() && !results.findElements(By.cssSelector("[role=option]")).isEmpty());
            String shown = results.getAttribute("textContent");
            if (n == 1) {
                assertTrue(shown.contains(payload(n).replace(" zebrafish" + n, "")), "search shows the payload as text: " + shown);
            }
            assertEquals(List.of(), results.findElements(By.cssSelector("img, script, svg, iframe")).stream()
                    .map(e -> e.getAttribute("outerHTML")).toList(), "markup from content in the results");
            assertInert("search for zebrafish" + n);
        }
    }

    private void open(String path) {
        // Start each page with empty logs: what the browser did before (its own start page) is not the site's.
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(server.origin() + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** No dialog, no console error, no request off the site's origin, no script link. */
    private void assertInert(String where) {
        try {
            String text = browser.switchTo().alert().getText();
            browser.switchTo().alert().dismiss();
            fail(where + " opened a dialog: " + text);
        } catch (NoAlertPresentException expected) {
            // The page ran no payload.
        }
        // The Content-Security-Policy refusing the other origin's image is the protection at work, not an error.
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(m -> !((m.contains("Content Security Policy") || m.contains("violates")) && m.contains(attacker.origin())
                        && (m.contains("Loading the image") || m.contains("Refused to load the image")))).toList();
        assertEquals(List.of(), errors, where + ": console errors");
        // Chrome reports a request the Content-Security-Policy refuses as "will be sent" and then as failed,
        // blocked by "csp": no byte leaves the browser (the attacker's server log proves it), so it is not a leak.
        List<JsonNode> network = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> readJson(entry.getMessage()).path("message")).toList();
        java.util.Set<String> refusedByPolicy = new java.util.HashSet<>();
        for (JsonNode message : network) {
            if (message.path("method").asText().equals("Network.loadingFailed")
                    && message.path("params").path("blockedReason").asText().equals("csp")) {
                refusedByPolicy.add(message.path("params").path("requestId").asText());
            }
        }
        List<String> offOrigin = new ArrayList<>();
        for (JsonNode message : network) {
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                String url = message.path("params").path("request").path("url").asText();
                String document = message.path("params").path("documentURL").asText();
                boolean browserUi = url.startsWith("chrome://") && document.startsWith("chrome://"); // its start page
                boolean refused = refusedByPolicy.contains(message.path("params").path("requestId").asText());
                if (!browserUi && !refused && !url.startsWith(server.origin()) && !url.startsWith("data:") && !url.equals("about:blank")) {
                    offOrigin.add(url);
                }
            }
        }
        assertEquals(List.of(), offOrigin, where + ": requests off the site's origin");
        assertTrue(browser.getCurrentUrl().startsWith(server.origin()), where + " navigated away: " + browser.getCurrentUrl());
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('[href],[src],[action],[formaction],[srcdoc]'))"
                        + ".map(e => e.href || e.src || e.action || e.getAttribute('formaction') || e.getAttribute('srcdoc') || '')");
        for (String href : hrefs) {
            String scheme = href.replaceAll("^\\s+", "").toLowerCase(java.util.Locale.ROOT);
            assertFalse(scheme.startsWith("javascript:") || scheme.startsWith("data:") || scheme.startsWith("vbscript:")
                    || scheme.contains("<script"), where + " keeps a script URL: " + href);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable performance log entry: " + text, e);
        }
    }
}
