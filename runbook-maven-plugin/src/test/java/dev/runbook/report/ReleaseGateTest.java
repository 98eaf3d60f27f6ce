package dev.runbook.report;

import dev.runbook.core.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.core.LinesLog;
import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.load.ContentLoader;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.RunbookStatus;
import dev.runbook.status.StatusSource;
import dev.runbook.status.Verification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole report goal without Maven: findings.json and a status in, report files out, and the site publishing it. */
class ReleaseGateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;
    private Path content;
    private Path target;
    private final List<String> log = new ArrayList<>();

    /** One failing runbook, as a smoke-results file would say; review dates from the front-matter. */
    private final StatusSource status = runbook -> {
        RunbookStatus review = StatusSource.reviewOnly(new ReviewSchedule(null), TODAY).statusOf(runbook);
        boolean failing = runbook.relativePath().equals("api/restart.md");
        return new RunbookStatus(failing ? Verification.FAILING : Verification.UNVERIFIED, null, review.reviewOverdue(),
                review.reviewDue(), failing ? List.of("line 9: API health: status (503) == 200") : List.of());
    };

    @BeforeEach
    void content() throws Exception {
        content = Files.createDirectories(dir.resolve("content"));
        target = Files.createDirectories(dir.resolve("target"));
        write("api/restart.md", "---\nowner: team-api\nseverity: P1\nservices: [api]\nlast_reviewed: 2026-11-01\n---\n# Restart the API\n\nSteps.\n");
        write("db/failover.md", "---\ntitle: \"Fail over <script>alert(1)</script>\"\nowner: team-db\nseverity: P2\nlast_reviewed: 2025-01-01\n---\n# Fail over\n\nSteps.\n");
        write("docs/style.md", "---\nowner: team-docs\n---\n# Style guide\n");
        findings("""
                {"ruleId":"link.anchor","severity":"error","file":"db/failover.md","line":8,"column":3,"message":"no heading #promote","hint":"did you mean #steps?"}""");
    }

    @Test
    void withoutFindingsTheReportRefusesWithAClearMessage() throws Exception {
        Files.delete(target.resolve("runbook/findings.json"));
        SetupException e = assertThrows(SetupException.class, () -> run(null, GatePolicy.defaults(), false));
        assertTrue(e.getMessage().contains("Run runbook:validate first"), e.getMessage());
        assertFalse(Files.exists(target.resolve("runbook/report.html")), "no report from no findings");
    }

    @Test
    void aFailingGateWritesBothPagesAndJsonThenFailsWithOneParagraph() throws Exception {
        RunbookProblemException e = assertThrows(RunbookProblemException.class, () -> run(null, GatePolicy.defaults(), true));
        assertTrue(e.getMessage().startsWith("Release gate failed. 1 error finding where at most 0 are allowed (maxErrors=0). "
                + "Blocking: db/failover.md. 1 runbook fails its smoke checks (failOnFailingSmoke=true). Blocking: api/restart.md."),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one paragraph");

        Document html = Jsoup.parse(target.resolve("runbook/report.html").toFile());
        assertEquals("fail", html.body().attr("data-verdict"));
        assertEquals("Release gate failed", html.selectFirst("#verdict h1").text());
        assertEquals(List.of("maxErrors", "failOnFailingSmoke"), html.select(".violation").eachAttr("data-rule"));
        assertEquals("../runbook-site/api/restart.html", html.selectFirst(".violation[data-rule=failOnFailingSmoke] a").attr("href"),
                "the standalone report links into the site from target/runbook/");
        assertTrue(html.select("link[rel=stylesheet], script[src], img[src]").isEmpty(), "standalone: nothing to fetch");
        assertTrue(html.selectFirst("style").data().contains("--bad"), "the theme's stylesheet is inlined");
        assertEquals("Fail over <script>alert(1)</script>", html.selectFirst("tr[data-path=db/failover.md] .col-title a").text(),
                "content is escaped, not executed");
        assertTrue(html.select("script").isEmpty());
        // Its policy fetches and runs nothing; the one inline stylesheet is allowed by the hash of its exact text.
        String policy = html.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        String styleText = Files.readString(target.resolve("runbook/report.html"));
        styleText = styleText.substring(styleText.indexOf("<style>") + "<style>".length(), styleText.indexOf("</style>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(styleText.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("default-src 'none'; style-src 'sha256-" + hash + "'; img-src data:; base-uri 'none'; form-action 'none'", policy);
        assertTrue(html.selectFirst("tr[data-path=api/restart.md]").text().contains("API health: status (503) == 200"));
        assertEquals(List.of("team-api", "team-db"), html.select(".owner-box").eachAttr("data-owner"));
        assertEquals(List.of("smoke check fails: line 9: API health: status (503) == 200"),
                html.select(".owner-box[data-owner=team-api] .reasons li").eachText());
        assertEquals(List.of("1 error finding", "review overdue (due 2025-04-01)"),
                html.select(".owner-box[data-owner=team-db] .reasons li").eachText());

        Document site = Jsoup.parse(target.resolve("runbook/report-site.html").toFile());
        assertEquals("api/restart.html", site.selectFirst(".violation[data-rule=failOnFailingSmoke] a").attr("href"));

        JsonNode json = new ObjectMapper().readTree(target.resolve("runbook/report.json").toFile());
        assertFalse(json.get("passed").asBoolean());
        assertEquals(3, json.get("runbooks").size());
    }

    @Test
    void failBuildFalseKeepsGoingAndSaysSo() throws Exception {
        GateReport report = run(null, GatePolicy.defaults(), false);
        assertFalse(report.passed());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO runbook: report: FAIL — Release gate failed.")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("failBuild=false")), log.toString());
    }

    @Test
    void aChangedRunbookWithANewFindingIsTheOnlyThingThatBlocksAgainstTheBaseline() throws Exception {
        run(null, GatePolicy.defaults(), false);
        Path baseline = Files.copy(target.resolve("runbook/report.json"), dir.resolve("release-1.0.json"));

        write("docs/style.md", "---\nowner: team-docs\n---\n# Style guide\n\nSee [the old page](gone.md).\n");
        findings("""
                {"ruleId":"link.anchor","severity":"error","file":"db/failover.md","line":8,"column":3,"message":"no heading #promote"},
                {"ruleId":"link.file","severity":"error","file":"docs/style.md","line":7,"column":5,"message":"link 'gone.md' points to gone.md, which does not exist"}""");
        GatePolicy policy = new GatePolicy(0, -1, false, -1, -1, Set.of());
        RunbookProblemException e = assertThrows(RunbookProblemException.class, () -> run(baseline, policy, true));
        assertTrue(e.getMessage().contains("1 new error finding since the baseline where at most 0 are allowed (maxErrors=0). "
                + "Blocking: docs/style.md."), e.getMessage());
        assertFalse(e.getMessage().contains("db/failover.md"), "the old finding does not block: " + e.getMessage());

        Document html = Jsoup.parse(target.resolve("runbook/report.html").toFile());
        assertEquals(List.of("docs/style.md"), html.select("#changed-runbooks li").eachAttr("data-path"));
        assertEquals(1, html.select("#new-findings tr.finding").size());
        assertTrue(html.selectFirst("#new-findings tr.finding").text().contains("docs/style.md:7:5"));
        assertEquals(2, html.select("#all-findings tr.finding").size(), "the report still lists every finding");
        assertEquals("true", html.selectFirst("tr[data-path=docs/style.md]").attr("data-blocking"));
        assertEquals("false", html.selectFirst("tr[data-path=db/failover.md]").attr("data-blocking"));
        assertEquals(List.of("1 error finding", "1 finding is new since the baseline"),
                html.select(".owner-box[data-owner=team-docs] .reasons li").eachText());
    }

    @Test
    void theSitePublishesTheReportAndItsStatusPageAgreesWithIt() throws Exception {
        Path site = target.resolve("runbook-site");
        buildSite(site);
        assertFalse(Files.exists(site.resolve("report.html")), "no report yet: none on the site");
        assertNull(Jsoup.parse(site.resolve("index.html").toFile()).selectFirst(".site-nav a[href=report.html]"));

        run(null, GatePolicy.defaults(), false);
        buildSite(site);
        assertEquals(Files.readString(target.resolve("runbook/report-site.html")), Files.readString(site.resolve("report.html")));
        Element nav = Jsoup.parse(site.resolve("api/restart.html").toFile()).selectFirst(".site-nav a[href=../report.html]");
        assertNotNull(nav, "every page links the report");
        assertEquals("Release report", nav.text());

        Document statusPage = Jsoup.parse(site.resolve("status.html").toFile());
        Document report = Jsoup.parse(site.resolve("report.html").toFile());
        for (String key : List.of("failing", "unverified", "verified")) {
            Set<String> onStatus = new TreeSet<>(statusPage.select("tr[data-status=" + key + "] a.runbook-link").eachAttr("href"));
            Set<String> onReport = new TreeSet<>(report.select("tr.report-row[data-status=" + key + "] .col-title > a").eachAttr("href"));
            assertEquals(onStatus, onReport, key + " runbooks on the status page and in the report");
        }
        assertEquals(Set.of("api/restart.html"), new TreeSet<>(report.select("tr.report-row[data-status=failing] .col-title > a").eachAttr("href")));
        for (Element link : report.select(".col-title > a")) {
            assertTrue(Files.isRegularFile(site.resolve(link.attr("href"))), "report link resolves in the site: " + link.attr("href"));
        }

        // A new report reaches the site on the next (incremental) build, even though no runbook changed.
        findings("");
        run(null, new GatePolicy(0, -1, false, -1, -1, Set.of()), false);
        buildSite(site);
        assertEquals("pass", Jsoup.parse(site.resolve("report.html").toFile()).body().attr("data-verdict"));

        Files.delete(target.resolve("runbook/report-site.html"));
        buildSite(site);
        assertFalse(Files.exists(site.resolve("report.html")), "a removed report leaves the site");
        assertNull(Jsoup.parse(site.resolve("index.html").toFile()).selectFirst(".site-nav a[href=report.html]"));
    }

    @Test
    void aThemeOverrideRestylesTheReportToo() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates/assets"));
        Files.writeString(templates.resolve("site.css"), ":root { --bad: rebeccapurple; } /* house style */ </style><b>x</b>");
        run(null, GatePolicy.defaults(), false, dir.resolve("templates"));
        Document html = Jsoup.parse(target.resolve("runbook/report.html").toFile());
        String css = html.selectFirst("style").data();
        assertTrue(css.contains("rebeccapurple"), css);
        assertTrue(css.contains(".verdict"), "the bundled report.css still applies");
        assertTrue(html.select("b").isEmpty(), "a stylesheet cannot break out of <style>");
    }

    private void buildSite(Path site) throws Exception {
        var loaded = new ContentLoader().load(content);
        new SiteBuilder().build(new SiteRequest(loaded, site, target.resolve("runbook-site-state.json"), null, "Runbooks", null,
                false, status, TODAY, "test", 1, RunLog.SILENT, java.util.List.of(), target.resolve("runbook/report-site.html")));
    }

    private GateReport run(Path baseline, GatePolicy policy, boolean failBuild) throws Exception {
        return run(baseline, policy, failBuild, null);
    }

    private GateReport run(Path baseline, GatePolicy policy, boolean failBuild, Path templates) throws Exception {
        return new ReleaseGate().run(new ReleaseGateRequest(content, new OutputLayout(target), status, TODAY,
                baseline, policy, target.resolve("runbook-site"), templates, "Runbooks", "staging",
                failBuild, LinesLog.withoutDebug(log)));
    }

    private void write(String path, String text) throws Exception {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void findings(String entries) throws Exception {
        Files.createDirectories(target.resolve("runbook"));
        Files.writeString(target.resolve("runbook/findings.json"),
                "{\"version\":1,\"buildDate\":\"2026-11-22\",\"findings\":[" + entries + "],\"baselined\":[]}");
    }
}
