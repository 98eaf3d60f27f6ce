package dev.runbook.site;

import dev.runbook.core.OutputLayout;
import dev.runbook.core.ReportInputs;
import dev.runbook.core.LinesLog;
import dev.runbook.core.RunLog;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site goal without Maven: the up-to-date check, notices replayed, the release report, a build after an edit. */
class SiteRunTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @TempDir
    Path dir;
    Path content;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final RunLog log = LinesLog.withoutDebug(lines);

    @BeforeEach
    void write() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("restart.md"), "# Restart the API\n\nSteps.\n");
        Files.writeString(content.resolve("broken.md"), "---\ntitle: [unclosed\n---\n# Broken\n");
        backDate();
    }

    /** Edits made within a second or two of a build are never trusted by the check (see InputDigest). */
    private void backDate() throws IOException {
        try (var files = Files.walk(content)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    private void build() throws Exception {
        new SiteRun(log).run(SiteRun.Options.walking(content, layout(), dir.resolve("target/site"), null, "Runbooks", null,
                false, TODAY, StatusSource.reviewOnly(new ReviewSchedule(null), TODAY), "test", Map.of("reviewEvery", "90d"),
                null));
    }

    private OutputLayout layout() {
        return new OutputLayout(dir.resolve("target"));
    }

    /** A release report as runbook:report leaves it; stamped as made from the inputs as they are now, or not. */
    private void reportPage(boolean current) throws IOException {
        Files.createDirectories(layout().workDirectory());
        Files.writeString(layout().reportSiteHtml(), "<!doctype html><title>Release report</title>");
        if (current) {
            ReportInputs.record(layout(), ReportInputs.digest(content, layout().findingsJson(), layout().smokeResultsJson()));
        }
    }

    private boolean upToDate() {
        return lines.stream().anyMatch(l -> l.startsWith("INFO runbook: site: up to date"));
    }

    @Test
    void aSecondBuildWithNothingChangedLoadsNothingAndRepeatsTheWarnings() throws Exception {
        reportPage(false);
        build();
        assertFalse(upToDate());
        assertTrue(Files.isRegularFile(dir.resolve("target/site/restart.html")));
        List<String> warnings = lines.stream().filter(l -> l.startsWith("WARN")).toList();
        assertEquals(2, warnings.size(), lines.toString());
        assertTrue(warnings.get(0).contains("broken.md:2") && warnings.get(0).contains("[frontmatter.schema]"), warnings.toString());
        assertTrue(warnings.get(1).startsWith("WARN runbook: site: the release report in ")
                && warnings.get(1).contains("the site leaves it out"), warnings.toString());
        assertFalse(Files.exists(dir.resolve("target/site/report.html")), "a stale report is not published");

        lines.clear();
        build();
        assertTrue(upToDate(), lines.toString());
        assertEquals(warnings, lines.stream().filter(l -> l.startsWith("WARN")).toList(), "the same warnings again");
    }

    @Test
    void aCurrentReleaseReportIsPublishedAndAnEditLeavesItOut() throws Exception {
        reportPage(true);
        build();
        assertEquals("<!doctype html><title>Release report</title>", Files.readString(dir.resolve("target/site/report.html")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("release report")), lines.toString());

        Files.writeString(content.resolve("restart.md"), "# Restart the API\n\nEdited after the report.\n");
        backDate();
        lines.clear();
        build();
        assertFalse(Files.exists(dir.resolve("target/site/report.html")), "the report describes other runbooks now");
        assertTrue(lines.stream().anyMatch(l -> l.contains("the site leaves it out")), lines.toString());
    }

    @Test
    void anEditedRunbookIsBuiltAgain() throws Exception {
        build();
        Files.writeString(content.resolve("restart.md"), "# Restart the API\n\nNew steps.\n");
        backDate();
        lines.clear();
        build();
        assertFalse(upToDate());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO runbook: site: 1 page rendered")), lines.toString());
        assertTrue(Files.readString(dir.resolve("target/site/restart.html")).contains("New steps."));
    }

    @Test
    void aBuildOfMomentsOldFilesIsNotTrustedNextTime() throws Exception {
        Files.writeString(content.resolve("restart.md"), "# Restart the API\n\nJust written.\n");
        build();
        lines.clear();
        build();
        assertFalse(upToDate(), "a same-size rewrite within the clock's tick would keep the stamp");
    }
}
