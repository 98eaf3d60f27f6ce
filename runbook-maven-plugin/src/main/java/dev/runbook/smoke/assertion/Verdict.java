package dev.runbook.smoke.assertion;

/** Whether a probe's observation met every assertion, and if not, what was seen, e.g. {@code status (503) == 200}. */
public record Verdict(boolean passed, String message) {
}
