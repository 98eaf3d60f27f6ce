package dev.runbook.validate.review;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReviewOverdueRuleTest {

    @TempDir
    Path temp;

    @Test
    void overdueRunbookIsAWarningAtLastReviewedWithDueDateAndDays() {
        // Build date 2026-11-22; 2026-08-01 + 90d = 2026-10-30, 23 days before.
        Fixture f = new Fixture(temp)
                .file("late.md", "---\ntitle: Late\nlast_reviewed: 2026-08-01\n---\n# Late\n")
                .file("fresh.md", "---\nlast_reviewed: 2026-10-01\n---\n# Fresh\n")
                .file("own-interval.md", "---\nlast_reviewed: 2026-10-01\nreview_every: 30d\n---\n")
                .file("never.md", "# No review date\n");
        List<Finding> findings = f.run(new ReviewOverdueRule(Period.ofDays(90)));
        assertEquals(2, findings.size(), findings.toString());
        Finding late = findings.get(0);
        assertEquals("late.md", late.file());
        assertEquals(3, late.line());
        assertEquals(Severity.WARNING, late.severity());
        assertEquals("review overdue: last reviewed 2026-08-01, due 2026-10-30 (every 90d), 23 days overdue", late.message());
        assertEquals("own-interval.md", findings.get(1).file());
        assertEquals("review overdue: last reviewed 2026-10-01, due 2026-10-31 (every 30d), 22 days overdue",
                findings.get(1).message());
    }

    @Test
    void dueTodayIsNotOverdueAndTheDefaultIntervalIsConfigurable() {
        Fixture f = new Fixture(temp).file("a.md", "---\nlast_reviewed: 2026-11-15\n---\n");
        assertEquals(List.of(), f.run(new ReviewOverdueRule(Period.ofDays(7))));
        assertEquals(1, f.run(new ReviewOverdueRule(Period.ofDays(6))).size());
    }
}
