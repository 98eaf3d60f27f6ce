package dev.runbook.smoke.results;

import dev.runbook.core.SetupException;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.RunbookStatus;
import dev.runbook.status.StatusSource;
import dev.runbook.status.Verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runbook status from the last {@code smoke-results.json}.
 *
 * <p>Results are matched to the runbook's <em>current</em> smoke blocks by runbook path and block
 * fingerprint (a hash of the block's attributes and body), not by line: a block that only moved keeps
 * its result, a block that was edited has none until the next run. So a page never shows a result that
 * was measured for different text.
 *
 * <ul>
 *   <li>FAILING: a current block failed (or errored) in the last run — the failure lines are listed;</li>
 *   <li>VERIFIED: every current block passed, in a run no older than {@code maxAge};</li>
 *   <li>UNVERIFIED: no blocks, never run, run too old, or some block without a matching result.</li>
 * </ul>
 * A failure is shown however old the run is: a stale procedure does not become trustworthy by waiting.
 */
public final class SmokeResultsStatus implements StatusSource {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    private final SmokeResults results;
    private final Duration maxAge;
    private final ReviewSchedule schedule;
    private final LocalDate buildDate;
    private final Instant now;
    private final Map<String, CheckResult> byBlock = new HashMap<>();

    private SmokeResultsStatus(SmokeResults results, Duration maxAge, ReviewSchedule schedule, LocalDate buildDate, Instant now) {
        this.results = results;
        this.maxAge = maxAge == null ? DEFAULT_MAX_AGE : maxAge;
        this.schedule = schedule;
        this.buildDate = buildDate;
        this.now = now;
        if (results != null) {
            for (CheckResult r : results.results()) {
                byBlock.put(key(r.runbook(), r.fingerprint()), r);
            }
        }
    }

    /**
     * @param resultsJson the results file; when absent every runbook is unverified
     * @param now         the instant the results' age is measured against
     */
    public static SmokeResultsStatus load(Path resultsJson, Duration maxAge, ReviewSchedule schedule, LocalDate buildDate, Instant now)
            throws SetupException {
        SmokeResults results = null;
        if (resultsJson != null && Files.isRegularFile(resultsJson)) {
            try {
                results = SmokeResultsJson.read(resultsJson);
            } catch (IOException | RuntimeException e) {
                throw new SetupException("cannot read smoke results " + resultsJson + ": " + e.getMessage()
                        + " (delete the file or run runbook:smoke again)", e);
            }
        }
        return new SmokeResultsStatus(results, maxAge, schedule, buildDate, now);
    }

    /** For callers that already hold the results (the gate report, tests). */
    public static SmokeResultsStatus of(SmokeResults results, Duration maxAge, ReviewSchedule schedule, LocalDate buildDate, Instant now) {
        return new SmokeResultsStatus(results, maxAge, schedule, buildDate, now);
    }

    @Override
    public RunbookStatus statusOf(Runbook runbook) {
        boolean overdue = schedule.isOverdue(runbook.frontMatter(), buildDate);
        LocalDate due = schedule.dueDate(runbook.frontMatter()).orElse(null);
        List<CodeBlock> blocks = runbook.smokeBlocks();
        if (blocks.isEmpty() || results == null) {
            return new RunbookStatus(Verification.UNVERIFIED, null, overdue, due, List.of());
        }
        List<String> failures = new ArrayList<>();
        boolean allPassed = true;
        Instant lastRun = null;
        for (CodeBlock block : blocks) {
            CheckResult r = byBlock.get(key(runbook.relativePath(), SmokeParser.fingerprint(block)));
            if (r == null) {
                allPassed = false;
                continue;
            }
            if (r.outcome().isProblem()) {
                failures.add("line " + block.position().line() + ": " + r.name() + ": " + r.message());
            } else if (r.outcome() != Outcome.PASS) {
                allPassed = false;
            }
            lastRun = lastRun == null || r.time().isAfter(lastRun) ? r.time() : lastRun;
        }
        if (!failures.isEmpty()) {
            return new RunbookStatus(Verification.FAILING, null, overdue, due, failures);
        }
        boolean fresh = !results.startedAt().plus(maxAge).isBefore(now);
        if (allPassed && fresh) {
            return new RunbookStatus(Verification.VERIFIED, results.startedAt(), overdue, due, List.of());
        }
        return new RunbookStatus(Verification.UNVERIFIED, allPassed ? results.startedAt() : null, overdue, due, List.of());
    }

    @Override
    public List<dev.runbook.status.CheckStatus> checksOf(Runbook runbook) {
        List<dev.runbook.status.CheckStatus> checks = new ArrayList<>();
        for (CodeBlock block : runbook.smokeBlocks()) {
            CheckResult r = byBlock.get(key(runbook.relativePath(), SmokeParser.fingerprint(block)));
            if (r != null) {
                checks.add(new dev.runbook.status.CheckStatus(block.position().line(), r.name(), r.outcome().label(),
                        r.message() == null ? "" : r.message(), r.environment(), r.time()));
            }
        }
        return checks;
    }

    /** The run's results age out at startedAt + maxAge: verified runbooks become unverified then. */
    @Override
    public Instant changesAt() {
        if (results == null) {
            return null;
        }
        Instant expiry = results.startedAt().plus(maxAge);
        return expiry.isBefore(now) ? null : expiry;
    }

    @Override
    public String smokeEnvironment() {
        return results == null ? null : results.environment();
    }

    /** The run the statuses come from, or null when there was none. */
    public SmokeResults results() {
        return results;
    }

    private static String key(String runbook, String fingerprint) {
        return runbook + "\u0000" + fingerprint;
    }
}
