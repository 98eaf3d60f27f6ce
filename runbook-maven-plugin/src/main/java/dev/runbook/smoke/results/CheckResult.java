package dev.runbook.smoke.results;

import java.time.Instant;
import java.util.List;

/**
 * One block's result as saved in {@code smoke-results.json}. Messages are already redacted.
 *
 * @param runbook     path below the content root
 * @param line        file line of the block's opening fence
 * @param fingerprint the block's content id (see {@code SmokeParser.fingerprint})
 * @param time        when the check started
 * @param steps       each step of the last attempt, in order (one for a single-probe block; none when it did not run)
 */
public record CheckResult(String runbook, int line, String name, String fingerprint, Outcome outcome, long durationMs,
                          String message, String environment, Instant time, int attempts, List<StepResult> steps) {

    public CheckResult {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A result that records no steps (a block that did not run, or one read from an older results file). */
    public CheckResult(String runbook, int line, String name, String fingerprint, Outcome outcome, long durationMs,
                       String message, String environment, Instant time, int attempts) {
        this(runbook, line, name, fingerprint, outcome, durationMs, message, environment, time, attempts, List.of());
    }

    /**
     * Why a skipped check did not run, in one word or two ({@code deadline}, {@code does not parse}): the part
     * of its message before the first colon. Null for checks that ran.
     */
    public String skipReason() {
        if (outcome != Outcome.SKIPPED) {
            return null;
        }
        int colon = message == null ? -1 : message.indexOf(':');
        return colon < 0 ? "skipped" : message.substring(0, colon);
    }

    /** The console line for a problem: {@code path:line: name: message}. */
    public String consoleLine() {
        return runbook + ":" + line + ": " + name + ": " + (outcome == Outcome.ERROR ? "error: " : "") + message;
    }
}
