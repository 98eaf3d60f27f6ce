package dev.runbook.smoke.results;

import java.time.Instant;

/**
 * One block's result as saved in {@code smoke-results.json}. Messages are already redacted.
 *
 * @param runbook     path below the content root
 * @param line        file line of the block's opening fence
 * @param fingerprint the block's content id (see {@code SmokeParser.fingerprint})
 * @param time        when the check started
 */
public record CheckResult(String runbook, int line, String name, String fingerprint, Outcome outcome, long durationMs,
                          String message, String environment, Instant time, int attempts) {

    /** The console line for a problem: {@code path:line: name: message}. */
    public String consoleLine() {
        return runbook + ":" + line + ": " + name + ": " + (outcome == Outcome.ERROR ? "error: " : "") + message;
    }
}
