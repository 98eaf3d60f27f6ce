package dev.runbook.demo;

import dev.runbook.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the release report that {@code runbook:report} wrote in this module's {@code package} phase, in a
 * real headless Chromium: the standalone {@code target/runbook/report.html} from {@code file://}, and the copy
 * the site publishes, beside the site's status page it must agree with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseReportIT {

    /** The demo keeps one failing smoke check on purpose (see site/pom.xml). */
    private static final String FAILING_PAGE = "search/search-degraded.html";

    private Path site;
    private Path reportDir;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        site = Path.of(System.getProperty("runbook.site.dir", "target/runbook-site")).toAbsolutePath();
        reportDir = Path.of(System.getProperty("runbook.report.dir", "target/runbook")).toAbsolutePath();
        assertTrue(Files.isRegularFile(reportDir.resolve("report.html")), "run after package: no report at " + reportDir);
        chromium = HeadlessChromium.start(options -> { });
        browser = chromium.driver();
        wait = chromium.waiter();
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void open(Path file) {
        browser.get(file.toUri().toString());
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Test
    void theStandaloneReportShowsTheVerdictAndFetchesNothing() {
        open(reportDir.resolve("report.html"));
        WebElement verdict = browser.findElement(By.id("verdict"));
        assertTrue(verdict.isDisplayed());
        assertEquals("FAIL", verdict.findElement(By.cssSelector(".verdict-word")).getText());
        assertEquals("Release gate failed", verdict.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getTitle().startsWith("Release report: FAIL"), browser.getTitle());
        List<String> rules = verdict.findElements(By.cssSelector(".violation")).stream().map(v -> v.getAttribute("data-rule")).toList();
        assertTrue(rules.contains("failOnFailingSmoke"), rules.toString());
        // The theme applies (inlined): the failing verdict is drawn with the theme's "bad" border, not unstyled.
        String border = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.getElementById('verdict')).borderTopStyle");
        assertEquals("solid", border);
        Number fetched = (Number) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').length");
        assertEquals(0, fetched.intValue(), "a standalone report loads nothing");

        // Its runbook links reach the built site from where the file is.
        browser.findElement(By.cssSelector(".violation[data-rule=failOnFailingSmoke] a")).click();
        wait.until(ExpectedConditions.titleContains("Search degraded"));
        assertTrue(browser.getCurrentUrl().endsWith("runbook-site/" + FAILING_PAGE), browser.getCurrentUrl());
    }

    @Test
    void theSiteLinksTheReportAndItAgreesWithTheStatusPage() {
        open(site.resolve("index.html"));
        browser.findElement(By.linkText("Release report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertTrue(browser.getCurrentUrl().endsWith("runbook-site/report.html"), browser.getCurrentUrl());
        assertEquals("FAIL", browser.findElement(By.cssSelector("#verdict .verdict-word")).getText());

        Set<String> reportFailing = hrefs("tr.report-row[data-status=failing] .col-title > a");
        Set<String> reportVerified = hrefs("tr.report-row[data-status=verified] .col-title > a");
        Set<String> reportBlocking = hrefs("tr.report-row[data-blocking=true] .col-title > a");
        assertEquals(Set.of(FAILING_PAGE), reportFailing);
        assertTrue(reportBlocking.containsAll(reportFailing), "a failing runbook blocks the release: " + reportBlocking);

        browser.findElement(By.linkText("Status")).click();
        wait.until(ExpectedConditions.titleContains("Status"));
        assertEquals(reportFailing, hrefs("tr[data-status=failing] a.runbook-link"), "same failing runbooks on both pages");
        assertEquals(reportVerified, hrefs("tr[data-status=verified] a.runbook-link"), "same verified runbooks on both pages");

        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        browser.findElement(By.cssSelector("tr.report-row[data-status=failing] .col-title > a")).click();
        wait.until(ExpectedConditions.titleContains("Search degraded"));
    }

    private Set<String> hrefs(String css) {
        Set<String> out = new TreeSet<>();
        for (WebElement link : browser.findElements(By.cssSelector(css))) {
            out.add(link.getDomAttribute("href"));
        }
        return out;
    }
}
