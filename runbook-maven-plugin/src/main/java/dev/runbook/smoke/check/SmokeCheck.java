package dev.runbook.smoke.check;

import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.probe.ProbeSpec;

import java.time.Duration;
import java.util.List;

/**
 * One parsed smoke block: one or more steps, run in order.
 *
 * @param runbookPath path of the runbook below the content root
 * @param line        file line of the opening fence
 * @param fingerprint identifies the block's content (attributes and body) so results survive a block moving
 *                    within the page but not an edit to it
 */
public record SmokeCheck(String runbookPath, int line, String name, Duration timeout, int retries, boolean write,
                         String fingerprint, List<Step> steps) {

    public SmokeCheck {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a smoke check has at least one step");
        }
    }

    /** A one-step check. */
    public SmokeCheck(String runbookPath, int line, String name, Duration timeout, int retries, boolean write,
                      String fingerprint, ProbeSpec probe, List<Assertion> assertions) {
        this(runbookPath, line, name, timeout, retries, write, fingerprint, List.of(new Step("", probe, assertions, List.of())));
    }

    /** The first step's probe. */
    public ProbeSpec probe() {
        return steps.get(0).probe();
    }

    /** The first step's assertions. */
    public List<Assertion> assertions() {
        return steps.get(0).assertions();
    }
}
