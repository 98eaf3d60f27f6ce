package dev.runbook.smoke.results;

import dev.runbook.model.Runbook;
import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.RunbookStatus;
import dev.runbook.status.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeResultsStatusTest {

    private static final Instant RUN = Instant.parse("2026-11-20T10:00:00Z");
    private static final ReviewSchedule SCHEDULE = new ReviewSchedule(null);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @TempDir
    Path dir;

    private static final String PAGE = """
            ---
            last_reviewed: 2026-01-01
            review_every: 90d
            ---
            # Page

            ```smoke {name="one"}
            tcp h:1
            ```

            ```smoke {name="two"}
            tcp h:2
            ```
            """;

    private static SmokeResults run(Runbook runbook, Outcome... outcomes) {
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            var block = runbook.smokeBlocks().get(i);
            results.add(new CheckResult(runbook.relativePath(), block.position().line(), block.attributes().get("name"),
                    SmokeParser.fingerprint(block), outcomes[i], 5, outcomes[i] == Outcome.PASS ? "" : "connected (false) == true",
                    "staging", RUN, 1));
        }
        return new SmokeResults("staging", RUN, 10, results);
    }

    private RunbookStatus statusAfterRoundTrip(SmokeResults results, Runbook page, Instant now) throws Exception {
        Path file = dir.resolve("smoke-results.json");
        SmokeResultsJson.write(file, results, Redactor.NONE);
        return SmokeResultsStatus.load(file, Duration.ofDays(7), SCHEDULE, TODAY, now).statusOf(page);
    }

    @Test
    void everyBlockPassedRecentlyIsVerified() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        RunbookStatus s = statusAfterRoundTrip(run(page, Outcome.PASS, Outcome.PASS), page, RUN.plus(Duration.ofDays(2)));
        assertEquals(Verification.VERIFIED, s.verification());
        assertEquals(RUN, s.lastVerified());
        assertTrue(s.reviewOverdue());
        assertEquals(LocalDate.parse("2026-04-01"), s.reviewDue());
    }

    @Test
    void statusesChangeOnTheirOwnWhenTheRunAgesOutAndThatInstantIsKnown() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        Path file = dir.resolve("smoke-results.json");
        SmokeResultsJson.write(file, run(page, Outcome.PASS, Outcome.PASS), Redactor.NONE);
        Instant expiry = RUN.plus(Duration.ofDays(7));
        SmokeResultsStatus fresh = SmokeResultsStatus.load(file, Duration.ofDays(7), SCHEDULE, TODAY, RUN.plus(Duration.ofDays(2)));
        assertEquals(expiry, fresh.changesAt());
        assertEquals(Verification.VERIFIED, fresh.statusOf(page).verification());
        SmokeResultsStatus aged = SmokeResultsStatus.load(file, Duration.ofDays(7), SCHEDULE, TODAY, expiry.plusSeconds(1));
        assertNull(aged.changesAt(), "nothing changes on its own any more");
        assertEquals(Verification.UNVERIFIED, aged.statusOf(page).verification());
        assertNull(SmokeResultsStatus.load(dir.resolve("none.json"), Duration.ofDays(7), SCHEDULE, TODAY, RUN).changesAt());
    }

    @Test
    void aFailedBlockMakesTheRunbookFailingWithItsLine() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        RunbookStatus s = statusAfterRoundTrip(run(page, Outcome.PASS, Outcome.FAIL), page, RUN.plus(Duration.ofDays(30)));
        assertEquals(Verification.FAILING, s.verification());
        assertEquals(List.of("line 11: two: connected (false) == true"), s.failures());
    }

    @Test
    void oldRunsMissingBlocksAndEditsAreUnverified() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        SmokeResults passed = run(page, Outcome.PASS, Outcome.PASS);
        assertEquals(Verification.UNVERIFIED, statusAfterRoundTrip(passed, page, RUN.plus(Duration.ofDays(8))).verification());
        assertEquals(Verification.UNVERIFIED, statusAfterRoundTrip(run(page, Outcome.PASS), page, RUN).verification());

        Runbook edited = SmokeFixture.runbook("a/page.md", PAGE.replace("tcp h:2", "tcp h:3"));
        RunbookStatus s = statusAfterRoundTrip(passed, edited, RUN);
        assertEquals(Verification.UNVERIFIED, s.verification());
        assertNull(s.lastVerified());
    }

    @Test
    void aBlockThatOnlyMovedKeepsItsResult() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        Runbook moved = SmokeFixture.runbook("a/page.md", PAGE.replace("# Page\n", "# Page\n\nA new paragraph.\n\nAnother.\n"));
        assertEquals(Verification.VERIFIED, statusAfterRoundTrip(run(page, Outcome.PASS, Outcome.PASS), moved, RUN).verification());
        RunbookStatus failing = statusAfterRoundTrip(run(page, Outcome.PASS, Outcome.FAIL), moved, RUN);
        assertEquals(List.of("line 15: two: connected (false) == true"), failing.failures());
    }

    @Test
    void noResultsFileOrNoBlocksIsUnverified() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        var none = SmokeResultsStatus.load(dir.resolve("absent.json"), null, SCHEDULE, TODAY, RUN);
        assertEquals(Verification.UNVERIFIED, none.statusOf(page).verification());
        Runbook plain = SmokeFixture.runbook("a/plain.md", "# Plain\n");
        assertEquals(Verification.UNVERIFIED, statusAfterRoundTrip(run(page, Outcome.PASS, Outcome.PASS), plain, RUN).verification());
    }

    @Test
    void anotherRunbooksResultsDoNotCount() throws Exception {
        Runbook page = SmokeFixture.runbook("a/page.md", PAGE);
        Runbook twin = SmokeFixture.runbook("b/twin.md", PAGE);
        assertEquals(Verification.UNVERIFIED, statusAfterRoundTrip(run(page, Outcome.FAIL, Outcome.FAIL), twin, RUN).verification());
    }
}
