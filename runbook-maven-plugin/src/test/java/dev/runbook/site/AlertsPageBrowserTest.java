package dev.runbook.site;

import dev.runbook.alerts.AlertSettings;
import dev.runbook.site.search.MiniWebDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * alerts.html and an alert panel in real headless Chromium, opened from file:// under the site's
 * Content-Security-Policy: hostile rule values stay text (no element, no script run), the stylesheet applies,
 * and the navigation reaches the runbook.
 */
class AlertsPageBrowserTest {

    @TempDir
    Path dir;

    @Test
    void hostileRuleValuesStayTextAndThePagesWorkFromFileUrls() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("db/DiskFull.md", "# Disk full\n\n## Fix\n");
        Files.createDirectories(dir.resolve("alerts"));
        Files.writeString(dir.resolve("alerts/db.yaml"), """
                groups:
                - name: db
                  rules:
                  - alert: DiskFull
                    expr: disk_free < 0.1 and "</code><img src=x onerror=window.pwned=1>" != ""
                    labels:
                      severity: critical
                      team: "<img src=x onerror=window.pwned=2>"
                      note: "<script>window.pwned=3</script>"
                    annotations:
                      runbook_url: https://runbooks.example.org/db/diskfull
                  - alert: "<svg onload=window.pwned=4>"
                    expr: vector(1)
                """);
        site.alerts = new AlertSettings(List.of("alerts/*.yaml"), Map.of("https://runbooks.example.org/", "."), dir);
        site.build();

        try (MiniWebDriver browser = new MiniWebDriver(dir.resolve("chrome-profile"))) {
            browser.navigate(site.site().resolve("alerts.html").toUri().toString());
            browser.waitFor("document.readyState === 'complete'", "alerts.html");
            assertEquals(List.of("<svg onload=window.pwned=4>", "DiskFull"), List.of(
                    browser.script("return document.querySelectorAll('tr.alert-row .alert-name')[0].textContent").asText(),
                    browser.script("return document.querySelectorAll('tr.alert-row .alert-name')[1].textContent").asText()));
            assertEquals(0, browser.script("return document.querySelectorAll('main svg, main img, main script').length").asInt());
            assertEquals("5px", browser.script("return getComputedStyle(document.querySelector('.badge-alert-missing')).borderTopWidth === '1px' ? '5px' : 'no css'").asText(),
                    "site.css applies under the CSP");
            browser.script("document.querySelector('tr.alert-linked a.runbook-link').click()");
            browser.waitFor("location.href.endsWith('db/DiskFull.html') && document.readyState === 'complete'", "the runbook page");
            assertEquals("team=<img src=x onerror=window.pwned=2>", browser.script(
                    "return [...document.querySelectorAll('.alert-labels li')].map(l => l.textContent).find(t => t.startsWith('team'))").asText());
            assertTrue(browser.script("return document.querySelector('.alert-expr').textContent").asText().contains("<img src=x"));
            assertEquals("5px", browser.script("return getComputedStyle(document.querySelector('.alert-card')).borderLeftWidth").asText());
            assertEquals(0, browser.script("return document.querySelectorAll('.alert-panel img, .alert-panel script').length").asInt());
            assertTrue(browser.script("return typeof window.pwned === 'undefined'").asBoolean(), "no hostile value ran");
        }
    }
}
