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
