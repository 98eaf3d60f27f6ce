package dev.runbook.demo;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.runbook.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reading experience of the demo site in a real headless Chromium (issue #17): highlighted code, the
 * table of contents on desktop and on a phone, the theme toggle, keyboard shortcuts, print, layout
 * stability (CLS) and axe's accessibility rules in light and dark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteUiIT {

    private static final String PAGE = "database/postgres-failover.html";

    private Path site;
    private StaticSiteServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws IOException {
        site = Path.of(System.getProperty("runbook.site.dir", "target/runbook-site")).toAbsolutePath();
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "run after package: no site at " + site);
        server = new StaticSiteServer(site);
        chromium = HeadlessChromium.start(options -> { });
        browser = chromium.driver();
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

    /** Every test starts on a desktop screen, in the system's light theme, with no theme remembered. */
    @AfterEach
    void reset() {
        chromium.viewport(1280, 800, false);
        chromium.media("screen", "light");
        if (browser.getCurrentUrl().startsWith("file:") || browser.getCurrentUrl().startsWith("http")) {
            browser.executeScript("try { localStorage.clear(); } catch (e) {}");
        }
    }

    private void open(String origin, String path) {
        chromium.open(origin.equals("file") ? site.resolve(path).toUri().toString() : server.baseUrl() + path);
    }

    private Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    @Test
    void codeIsHighlightedInTheHtmlItselfWithClassesOnly() throws IOException {
        String html = Files.readString(site.resolve(PAGE));
        assertTrue(html.contains("<span class=\"hl-"), "tokens are in the page as built, no script needed");
        open("file", PAGE);
        List<WebElement> keywords = browser.findElements(By.cssSelector(".code-block pre code span.hl-k"));
        assertFalse(keywords.isEmpty(), "keywords highlighted");
        assertFalse(browser.findElements(By.cssSelector("pre code.language-sql span.hl-k")).isEmpty(), "SQL highlighted");
        assertTrue(browser.findElements(By.cssSelector("pre [style]")).isEmpty(), "no style attributes (CSP)");
        String keyword = (String) js("return getComputedStyle(arguments[0]).color", keywords.get(0));
        String plain = (String) js("return getComputedStyle(arguments[0].closest('pre')).color", keywords.get(0));
        assertNotEquals(plain, keyword, "a keyword has its own colour");
        open("file", "database/postgres-connection-exhaustion.html");
        assertFalse(browser.findElements(By.cssSelector("pre code.language-promql span.hl-k + span, pre code.language-promql span.hl-s")).isEmpty(), "PromQL highlighted");
    }

    @Test
    void desktopTocIsAtTheTopRightAndItsLastEntryCanBeReached() {
        chromium.viewport(1280, 700, false);
        open("file", PAGE);
        WebElement toc = browser.findElement(By.cssSelector("aside.toc-side"));
        assertTrue(toc.isDisplayed());
        Map<?, ?> box = (Map<?, ?>) js("var r = arguments[0].getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom};", toc);
        assertTrue(((Number) box.get("top")).doubleValue() < 150, "the TOC starts at the top: " + box);
        assertTrue(((Number) box.get("left")).doubleValue() > 800, "on the right: " + box);
        assertFalse(browser.findElement(By.cssSelector("details.toc-compact")).isDisplayed(), "no compact TOC on desktop");

        js("window.scrollTo(0, document.body.scrollHeight / 2)");
        js("arguments[0].scrollTop = arguments[0].scrollHeight", toc);
        List<WebElement> links = toc.findElements(By.cssSelector("a"));
        WebElement last = links.get(links.size() - 1);
        double lastBottom = ((Number) js("return arguments[0].getBoundingClientRect().bottom", last)).doubleValue();
        double viewport = ((Number) js("return window.innerHeight")).doubleValue();
        assertTrue(lastBottom <= viewport, "the last entry scrolls into the sticky TOC: " + lastBottom + " > " + viewport);
        last.click();
        chromium.waiter().until(d -> d.getCurrentUrl().endsWith(last.getAttribute("href").substring(last.getAttribute("href").indexOf('#'))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void phoneHasACollapsibleTocOneLineOfChipsAndTheTextHigh(String origin) {
        chromium.viewport(390, 844, true);
        open(origin, PAGE);
        assertFalse(browser.findElement(By.cssSelector("aside.toc-side")).isDisplayed(), "no side column on a phone");
        WebElement compact = browser.findElement(By.cssSelector("details.toc-compact"));
        assertTrue(compact.isDisplayed());
        double top = ((Number) js("return arguments[0].getBoundingClientRect().top", compact)).doubleValue();
        assertTrue(top < 700, "'On this page' is on the first screen: top=" + top);
        WebElement impact = compact.findElement(By.cssSelector("a[href='#impact']"));
        assertFalse(impact.isDisplayed(), "closed at first");
        compact.findElement(By.tagName("summary")).click();
        chromium.waiter().until(d -> impact.isDisplayed());
        impact.click();
        chromium.waiter().until(d -> d.getCurrentUrl().endsWith("#impact"));

        List<?> chipTops = (List<?>) js("return Array.from(document.querySelectorAll('.meta .chip')).map(c => c.offsetTop)");
        assertEquals(1, chipTops.stream().distinct().count(), "the metadata chips are one line: " + chipTops);
        assertEquals("normal", js("return getComputedStyle(document.querySelector('.source-path')).wordBreak"),
                "the source path wraps at '/' (<wbr>), not mid-word");
    }

    @Test
    void phoneIndexPutsTheFiltersBehindAButton() {
        chromium.viewport(390, 844, true);
        open("http", "index.html");
        WebElement toggle = browser.findElement(By.id("filters-toggle"));
        WebElement filters = browser.findElement(By.id("filters"));
        assertTrue(toggle.isDisplayed());
        assertFalse(filters.isDisplayed(), "filters closed on a phone");
        double first = ((Number) js("return document.querySelector('a.runbook-link').getBoundingClientRect().top")).doubleValue();
        assertTrue(first < 500, "the first runbook is on the first screen: " + first);
        toggle.click();
        assertTrue(filters.isDisplayed());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "http"})
    void themeToggleIsRememberedAcrossPages(String origin) {
        open(origin, "index.html");
        WebElement head = browser.findElement(By.cssSelector("head script[src$='assets/theme.js']"));
        assertTrue(head.getAttribute("defer") == null && head.getAttribute("async") == null,
                "theme.js runs before the first paint (synchronous, in <head>)");
        String light = (String) js("return getComputedStyle(document.body).backgroundColor");
        WebElement toggle = browser.findElement(By.id("theme-toggle"));
        toggle.click(); // system -> light
        toggle.click(); // light -> dark
        assertEquals("dark", js("return document.documentElement.getAttribute('data-theme')"));
        assertTrue(toggle.getAttribute("aria-label").contains("dark"), toggle.getAttribute("aria-label"));

        open(origin, PAGE);
        assertEquals("dark", js("return document.documentElement.getAttribute('data-theme')"), "remembered on the next page");
        String dark = (String) js("return getComputedStyle(document.body).backgroundColor");
        assertNotEquals(light, dark);
        browser.findElement(By.id("theme-toggle")).click(); // dark -> system
        open(origin, "status.html");
        assertEquals(null, js("return document.documentElement.getAttribute('data-theme')"));
        assertEquals("system", js("return document.documentElement.getAttribute('data-theme-choice')"));
    }

    @Test
    void ctrlKAndCmdKFocusSearchAndQuestionMarkShowsTheShortcuts() {
        open("http", PAGE);
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        assertEquals("search-input", browser.switchTo().activeElement().getAttribute("id"), "Ctrl+K focuses search");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        js("document.activeElement.blur()");
        // Cmd+K as a Mac sends it (metaKey); chromedriver on Linux has no Command key to press.
        js("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'k', metaKey: true, bubbles: true}))");
        assertEquals("search-input", browser.switchTo().activeElement().getAttribute("id"), "Cmd+K focuses search");

        js("document.activeElement.blur()");
        browser.findElement(By.tagName("body")).sendKeys("?");
        WebElement help = browser.findElement(By.id("shortcuts"));
        chromium.waiter().until(d -> help.isDisplayed());
        assertTrue(help.getText().contains("Ctrl"), help.getText());
        help.findElement(By.cssSelector("button")).click();
        chromium.waiter().until(d -> !help.isDisplayed());
    }

    /** Print wraps long commands at spaces: every --flag stays on one line. */
    @Test
    void printKeepsEveryFlagWhole() {
        chromium.viewport(420, 900, false);
        open("file", PAGE);
        chromium.media("print", "light");
        Map<?, ?> style = (Map<?, ?>) js("var s = getComputedStyle(document.querySelector('.code-block pre'));"
                + "return {ws: s.whiteSpace, wb: s.wordBreak, ow: s.overflowWrap};");
        assertEquals(Map.of("ws", "pre-wrap", "wb", "normal", "ow", "normal"), style);
        @SuppressWarnings("unchecked")
        List<String> split = (List<String>) js("""
                var split = [], checked = 0;
                document.querySelectorAll('.code-block pre').forEach(function (pre) {
                  var walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT), node, text = '', nodes = [];
                  while ((node = walker.nextNode())) { nodes.push([node, text.length]); text += node.data; }
                  var re = /--[A-Za-z][\\w-]*(=[^\\s'"]*)?/g, m;
                  function at(i) { for (var k = nodes.length - 1; k >= 0; k--) { if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; } }
                  function top(i) { var p = at(i), r = document.createRange(); r.setStart(p[0], p[1]); r.setEnd(p[0], p[1] + 1);
                                    return r.getBoundingClientRect().top; }
                  while ((m = re.exec(text))) {
                    checked++;
                    if (Math.abs(top(m.index) - top(m.index + m[0].length - 1)) > 2) split.push(m[0]);
                  }
                });
                if (checked === 0) split.push('no --flag found to check');
                return split;""");
        assertEquals(List.of(), split, "flags split across lines in print");
        assertTrue((Boolean) js("return document.querySelector('.code-block pre').scrollWidth <= document.querySelector('.code-block pre').clientWidth + 1"),
                "long lines wrap rather than run off the printed page");
    }

    /** Cumulative layout shift while loading, measured by Chromium's layout-shift entries. */
    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"index.html, 1280", "index.html, 390", PAGE + ", 1280", PAGE + ", 390", "status.html, 390"})
    void layoutDoesNotShiftWhileLoading(String page, int width) {
        chromium.viewport(width, 844, width < 600);
        open("http", page);
        Number cls = (Number) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1], total = 0;
                new PerformanceObserver(function (list) {
                  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { total += e.value; } });
                }).observe({type: 'layout-shift', buffered: true});
                requestAnimationFrame(function () { setTimeout(function () { done(total); }, 300); });""");
        assertTrue(cls.doubleValue() <= 0.02, page + " at " + width + " px: CLS " + cls);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"index.html, light", "index.html, dark", PAGE + ", light", PAGE + ", dark", "status.html, light",
            "status.html, dark", "tags/postgres.html, dark", "404.html, light"})
    void axeFindsNoViolations(String page, String theme) {
        open("http", page);
        js("localStorage.setItem('runbook-theme', arguments[0])", theme);
        open("http", page);
        assertEquals(theme, js("return document.documentElement.getAttribute('data-theme')"));
        Results results = new AxeBuilder().analyze(browser);
        List<String> violations = results.getViolations().stream()
                .map(SiteUiIT::describe).toList();
        assertEquals(List.of(), violations, page + " in " + theme);
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    /** 404.html from disk loads its stylesheets and scripts (nothing at file:///assets/...), and over HTTP too. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"file, 404.html", "http, 404.html", "http, no-such-page.html"})
    void notFoundPageLoadsItsAssets(String origin, String path) {
        open(origin, path);
        assertEquals("Page not found", browser.findElement(By.tagName("h1")).getText());
        assertEquals(Boolean.TRUE, js("return Array.from(document.querySelectorAll('link[rel=stylesheet]')).every(l => l.sheet !== null)"),
                "every stylesheet loaded");
        assertEquals(Boolean.TRUE, js("return document.documentElement.classList.contains('js')"), "theme.js ran");
        WebElement home = browser.findElement(By.cssSelector("a.button"));
        home.click();
        chromium.waiter().until(d -> d.getCurrentUrl().endsWith("index.html"));
        assertFalse(browser.findElements(By.cssSelector("section.service-group")).isEmpty(), "the link leads to the index");
    }
}
