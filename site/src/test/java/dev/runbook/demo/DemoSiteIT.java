package dev.runbook.demo;

import dev.runbook.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the demo site that {@code runbook:site} built in this module's {@code package} phase, in a real
 * headless Chromium, both from {@code file://} and over HTTP (a loopback server), and uses it as a reader
 * would. Every test runs once per origin: {@link #open} turns a site path into a URL for the origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteIT {

    private static final String FAILOVER_PAGE = "database/postgres-failover.html";

    private Path site;
    private StaticSiteServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        site = Path.of(System.getProperty("runbook.site.dir", "target/runbook-site")).toAbsolutePath();
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "run after package: no site at " + site);
        server = new StaticSiteServer(site);
        chromium = HeadlessChromium.start(options ->
                options.setCapability("goog:loggingPrefs", Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL")));
        browser = chromium.driver();
        wait = chromium.waiter();
        // Let pages use the async clipboard without a prompt, on every origin (file:// included).
        browser.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(String origin, String path) {
        String url = origin.equals("file") ? site.resolve(path).toUri().toString() : server.baseUrl() + path;
        browser.get(url);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void indexListsTheRunbooksGroupedByService(String origin) {
        open(origin, "index.html");
        List<WebElement> links = browser.findElements(By.cssSelector("section.service-group a.runbook-link"));
        List<String> titles = links.stream().map(WebElement::getText).distinct().toList();
        assertEquals(16, titles.size(), titles.toString());
        assertTrue(titles.contains("Postgres primary failover"), titles.toString());
        WebElement postgres = browser.findElement(By.id("service-postgres"));
        assertEquals("postgres", postgres.getText());

        browser.findElement(By.cssSelector("a.runbook-link[href='" + FAILOVER_PAGE + "']")).click();
        wait.until(ExpectedConditions.titleContains("Postgres primary failover"));
        browser.findElement(By.cssSelector("a.brand")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.service-group")));
        assertTrue(browser.getCurrentUrl().endsWith("index.html"), browser.getCurrentUrl());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void indexFiltersBySeverityAndTag(String origin) {
        open(origin, "index.html");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-severity"))).selectByValue("P1");
        List<String> visible = visibleRunbookSeverities();
        assertTrue(!visible.isEmpty() && visible.stream().allMatch("P1"::equals), visible.toString());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-severity"))).selectByValue("");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-tag"))).selectByValue("failover");
        List<String> titles = browser.findElements(By.cssSelector("tbody tr:not([hidden]) a.runbook-link")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).distinct().toList();
        assertEquals(List.of("Postgres primary failover"), titles);
        assertTrue(browser.getCurrentUrl().endsWith("#tag=failover"), "filter kept in the URL: " + browser.getCurrentUrl());
    }

    private List<String> visibleRunbookSeverities() {
        return browser.findElements(By.cssSelector("table.runbooks tbody tr")).stream()
                .filter(WebElement::isDisplayed).map(row -> row.getAttribute("data-severity")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void copyButtonPutsTheCodeOnTheClipboard(String origin) {
        open(origin, FAILOVER_PAGE);
        WebElement block = browser.findElement(By.cssSelector("div.code-block"));
        String code = block.findElement(By.cssSelector("pre code")).getAttribute("textContent").replaceAll("\n$", "");
        WebElement button = block.findElement(By.cssSelector("button.copy"));
        button.click();
        wait.until(ExpectedConditions.textToBePresentInElement(button, "Copied"));
        Object clipboard = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('clipboard not readable: ' + e));");
        assertEquals(code, clipboard);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void headingAnchorNavigatesToItsHeading(String origin) {
        open(origin, FAILOVER_PAGE);
        WebElement heading = browser.findElement(By.id("check-replication-lag-before-promoting"));
        WebElement anchor = heading.findElement(By.cssSelector("a.anchor"));
        browser.executeScript("arguments[0].focus()", anchor);
        anchor.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("#check-replication-lag-before-promoting"));
        Number top = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().top", heading);
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, "heading scrolled into view, top=" + top);

        WebElement tocLink = browser.findElement(By.cssSelector("aside.toc-side nav.toc a[href='#impact']"));
        tocLink.click();
        wait.until(d -> d.getCurrentUrl().endsWith("#impact"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void skipLinkIsTheFirstTabStop(String origin) {
        open(origin, FAILOVER_PAGE);
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Skip to content", focused.getText());
        assertTrue(focused.isDisplayed(), "skip link becomes visible when focused");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void oldPathRedirectsToTheMovedRunbook(String origin) {
        open(origin, "old/search-rebuild-index.html");
        wait.until(d -> d.getCurrentUrl().endsWith("search/reindex-procedure.html"));
        assertTrue(browser.getTitle().startsWith("Reindex procedure"), browser.getTitle());
    }

    @org.junit.jupiter.api.Test
    void missingPageOverHttpShowsTheNotFoundPage() {
        browser.get(server.baseUrl() + "no-such-page.html");
        assertEquals("Page not found", browser.findElement(By.tagName("h1")).getText());
        assertEquals(server.baseUrl() + "index.html", browser.findElement(By.cssSelector("a.button")).getAttribute("href"),
                "without a baseUrl the 404 page links relatively, right at the top of the server and from file://");
        assertTrue(browser.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href").endsWith("/assets/site.css"));
    }

    /**
     * Every page carries the Content-Security-Policy, and nothing the site does breaks it: every page opened,
     * a search (its index loads lazily by script tags), a copy button, on both origins. Chromium reports
     * each refused script, style or request on the console.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void nothingTheSiteDoesViolatesItsContentSecurityPolicy(String origin) throws IOException {
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // start from an empty log
        List<String> pages;
        try (var files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString()).sorted().toList();
        }
        for (String page : pages) {
            open(origin, page);
            if (!page.equals("report.html")) { // the release report's own page: see SECURITY.md
                assertTrue(browser.findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']"))
                        .getAttribute("content").startsWith("default-src 'self'; img-src 'self' data:;"), page);
            }
        }
        searchFindsTheFailoverRunbookDespiteATypo(origin);
        copyButtonPutsTheCodeOnTheClipboard(origin);
        List<String> violations = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertEquals(List.of(), violations, origin + ": " + pages.size() + " pages");
    }

    /** The acceptance check of search on the real demo site: a typo, '/' to focus, Enter to open. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void searchFindsTheFailoverRunbookDespiteATypo(String origin) {
        open(origin, "index.html");
        browser.findElement(By.tagName("body")).sendKeys("/");
        WebElement input = browser.switchTo().activeElement();
        assertEquals("search-input", input.getAttribute("id"), "'/' focuses the search box");
        input.sendKeys("postgres failovr");
        WebElement results = browser.findElement(By.id("search-results"));
        wait.until(d -> results.isDisplayed() && !results.findElements(By.cssSelector("[role=option]")).isEmpty());
        assertEquals("true", input.getAttribute("aria-expanded"));
        WebElement first = results.findElements(By.cssSelector("[role=option]")).get(0);
        assertTrue(first.getText().contains("Postgres primary failover"), first.getText());
        input.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains(FAILOVER_PAGE));
    }
}
