package dev.runbook.site;

import dev.runbook.core.InputDigest;
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

/** The site goal without Maven: the up-to-date check, notices replayed, and a build after an edit. */
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
        Instant start = Instant.now();
        new SiteRun(log).run(new SiteRun.Options(content, InputDigest.tree(content), start, dir.resolve("target"),
                dir.resolve("target/site"), null, "Runbooks", null, false, TODAY,
                StatusSource.reviewOnly(new ReviewSchedule(null), TODAY), "test", Map.of("reviewEvery", "90d"),
                dir.resolve("target/runbook/smoke-results.json"), dir.resolve("target/runbook/findings.json"), null,
                List.of("a notice of the caller"), null));
    }

    private boolean upToDate() {
        return lines.stream().anyMatch(l -> l.startsWith("INFO runbook: site: up to date"));
    }

    @Test
    void aSecondBuildWithNothingChangedLoadsNothingAndRepeatsTheWarnings() throws Exception {
        build();
        assertFalse(upToDate());
        assertTrue(Files.isRegularFile(dir.resolve("target/site/restart.html")));
        List<String> warnings = lines.stream().filter(l -> l.startsWith("WARN")).toList();
        assertEquals(2, warnings.size(), lines.toString());
        assertTrue(warnings.get(0).contains("broken.md:2") && warnings.get(0).contains("[frontmatter.schema]"), warnings.toString());
        assertEquals("WARN a notice of the caller", warnings.get(1));

        lines.clear();
        build();
        assertTrue(upToDate(), lines.toString());
        assertEquals(warnings, lines.stream().filter(l -> l.startsWith("WARN")).toList(), "the same warnings again");
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
