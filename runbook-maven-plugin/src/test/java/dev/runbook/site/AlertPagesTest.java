package dev.runbook.site;

import dev.runbook.alerts.AlertSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert panel on a runbook an alert links to, and alerts.html: from the rule, escaped, linked from the navigation. */
class AlertPagesTest {

    @TempDir
    Path dir;

    private static final String HOSTILE = """
            groups:
            - name: db
              rules:
              - alert: DiskFull
                expr: disk_free{mount="/"} < 0.1 and on() vector(1) > 0
                for: 10m
                labels:
                  severity: critical
                  team: "<script>alert(1)</script>"
                  note: "\\" onmouseover=\\"alert(2)"
                annotations:
                  runbook_url: https://runbooks.example.org/db/diskfull
              - alert: "<img src=x onerror=alert(3)>"
                expr: vector(1)
              - alert: Gone
                expr: vector(1)
                annotations:
                  runbook_url: https://runbooks.example.org/db/gone
            """;

    private SiteFixture site() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("db/DiskFull.md", "# Disk full\n\n## Fix\n").write("db/Other.md", "# Other\n");
        Files.createDirectories(dir.resolve("alerts"));
        Files.writeString(dir.resolve("alerts/db.yaml"), HOSTILE);
        site.alerts = new AlertSettings(List.of("alerts/*.yaml"), Map.of("https://runbooks.example.org/", "."), dir);
        return site;
    }

    @Test
    void theRunbookAnAlertLinksToShowsTheRuleEscaped() throws Exception {
        SiteFixture site = site();
        site.build();
        String html = site.page("db/DiskFull.html");
        assertFalse(html.contains("<script>alert(1)</script>"), "a label value is text, never markup");
        assertFalse(html.contains("onmouseover=\"alert(2)"), "a quote in a label value cannot open an attribute");
        Document page = Jsoup.parse(html);
        Element panel = page.selectFirst(".alert-panel .alert-card");
        assertNotNull(panel, html);
        assertEquals("DiskFull", panel.selectFirst(".alert-name").text());
        assertEquals("critical", panel.selectFirst(".alert-severity").text());
        assertEquals("firing after 10m", panel.selectFirst(".alert-for").text());
        assertEquals("disk_free{mount=\"/\"} < 0.1 and on() vector(1) > 0", panel.selectFirst(".alert-expr").text());
        assertEquals(List.of("severity=critical", "team=<script>alert(1)</script>", "note=\" onmouseover=\"alert(2)"),
                panel.select(".alert-labels li").eachText());
        assertEquals("Rule alerts/db.yaml:4", panel.selectFirst(".alert-source").text());
        assertTrue(page.select("script").stream().allMatch(s -> s.hasAttr("src")), "no inline script on the page");
        assertNull(Jsoup.parse(site.page("db/Other.html")).selectFirst(".alert-panel"), "no alert links to Other");
    }

    @Test
    void alertsHtmlListsEveryAlertWithItsRunbookStatusAndTheNavigationLinksIt() throws Exception {
        SiteFixture site = site();
        site.build();
        String html = site.page("alerts.html");
        assertFalse(html.contains("<img src=x"), "an alert name is text");
        Document page = Jsoup.parse(html);
        assertEquals(List.of("broken", "missing", "linked"), page.select("tr.alert-row").eachAttr("data-status"));
        assertEquals(List.of("Gone", "<img src=x onerror=alert(3)>", "DiskFull"), page.select("tr.alert-row .alert-name").eachText());
        assertEquals("db/DiskFull.html", page.selectFirst("tr.alert-linked a.runbook-link").attr("href"));
        assertEquals("1 broken 1 missing 0 external 1 linked", page.selectFirst(".summary").text());
        assertEquals("alerts.html", Jsoup.parse(site.page("index.html")).selectFirst(".site-nav a[href$=alerts.html]").attr("href"));
        assertEquals("../alerts.html", Jsoup.parse(site.page("db/Other.html")).selectFirst(".site-nav a[href$=alerts.html]").attr("href"));
        assertEquals("page", page.selectFirst(".site-nav a[href$=alerts.html]").attr("aria-current"));
        String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(page.select("[style]").isEmpty(), "no inline style");
    }

    @Test
    void withoutAlertRulesThereIsNoAlertsPageAndNoLink() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("a.md", "# A\n");
        site.build();
        assertFalse(Files.exists(site.site().resolve("alerts.html")));
        assertNull(Jsoup.parse(site.page("index.html")).selectFirst("a[href$=alerts.html]"));
    }

    @Test
    void aChangedRuleReRendersThePageItLinksTo() throws Exception {
        SiteFixture site = site();
        site.build();
        Files.writeString(dir.resolve("alerts/db.yaml"), HOSTILE.replace("for: 10m", "for: 15m"));
        dev.runbook.alerts.AlertSettings fresh = new AlertSettings(site.alerts.ruleGlobs(), site.alerts.runbookBases(), dir.resolve("."));
        site.alerts = fresh;
        site.build();
        assertTrue(site.page("db/DiskFull.html").contains("firing after 15m"));
    }
}
