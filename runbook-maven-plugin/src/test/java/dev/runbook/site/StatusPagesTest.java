package dev.runbook.site;

import dev.runbook.status.RunbookStatus;
import dev.runbook.status.Verification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What smoke results look like on the site, from a status source such as the smoke goal supplies. */
class StatusPagesTest {

    @TempDir
    Path dir;

    @Test
    void failingFirstWithFailureLinesVerifiedWithProvenDate() throws Exception {
        SiteFixture site = new SiteFixture(dir)
                .write("a/ok.md", "---\nseverity: P1\n---\n# All good\n")
                .write("b/broken.md", "---\nseverity: P3\n---\n# Broken <b>one</b>\n")
                .write("c/plain.md", "# Plain\n");
        site.status = runbook -> switch (runbook.relativePath()) {
            case "a/ok.md" -> new RunbookStatus(Verification.VERIFIED, Instant.parse("2026-11-20T10:15:00Z"), false, null, List.of());
            case "b/broken.md" -> new RunbookStatus(Verification.FAILING, null, true, LocalDate.of(2026, 1, 1),
                    List.of("API health: status (503) == 200 <script>"));
            default -> new RunbookStatus(Verification.UNVERIFIED, null, false, null, List.of());
        };
        site.build();

        Document status = Jsoup.parse(site.page("status.html"));
        assertEquals(List.of("b/broken.html", "c/plain.html", "a/ok.html"),
                status.select("a.runbook-link").eachAttr("href"), "failing first, verified last");
        Element failing = status.selectFirst("tr.row-failing");
        assertEquals("API health: status (503) == 200 <script>", failing.selectFirst(".failure-lines code").text());
        assertTrue(failing.selectFirst(".badge-overdue") != null);
        assertTrue(status.selectFirst(".sum-failing").text().startsWith("1 failing"));

        Document broken = Jsoup.parse(site.page("b/broken.html"));
        assertEquals("Failing", broken.selectFirst(".status-panel .badge-failing").text());
        assertEquals("API health: status (503) == 200 <script>", broken.selectFirst(".status-panel .failure-lines code").text());
        Document ok = Jsoup.parse(site.page("a/ok.html"));
        assertEquals("Verified", ok.selectFirst(".status-panel .badge-verified").text());
        assertEquals("proven 2026-11-20", ok.selectFirst(".status-panel .badge-detail").text());
        Document index = Jsoup.parse(site.page("index.html"));
        assertEquals("failing", index.selectFirst("tr:has(a[href=b/broken.html])").attr("data-status"));
    }

    @Test
    void aChangedStatusRerendersThePage() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("a/ok.md", "# Ok\n").write("a/other.md", "# Other\n");
        site.build();
        site.status = runbook -> new RunbookStatus(runbook.relativePath().equals("a/ok.md") ? Verification.FAILING
                : Verification.UNVERIFIED, null, false, null, List.of());
        SiteResult result = site.build();
        assertEquals(1, result.rendered());
        assertTrue(site.page("a/ok.html").contains("badge-failing"));
    }

    @Test
    void brokenFrontMatterStillBuildsWithWhatParsed() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("x/bad.md", "---\ntitle: Half good\nseverity: [nope\n---\n# Body\n\nText.\n");
        site.build();
        Document page = Jsoup.parse(site.page("x/bad.html"));
        assertTrue(page.selectFirst("article.prose").text().contains("Text."));
    }
}
