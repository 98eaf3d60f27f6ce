package dev.runbook.smoke.results;

/**
 * One step of a block's last attempt, as saved in {@code smoke-results.json} and the JUnit XML: a block of
 * several probes says which passed, which failed and which never ran because an earlier one failed.
 *
 * @param label   the step's probe line as written (placeholders unresolved, so no secret value)
 * @param outcome how the step ended; {@link Outcome#SKIPPED} for a step after the one that failed
 * @param message why it failed (redacted), or empty
 */
public record StepResult(String label, Outcome outcome, String message) {

    public StepResult {
        message = message == null ? "" : message;
    }
}
