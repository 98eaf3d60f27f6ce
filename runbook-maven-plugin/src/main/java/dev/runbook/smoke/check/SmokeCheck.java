package dev.runbook.smoke.check;

import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.probe.ProbeSpec;

import java.time.Duration;
import java.util.List;

/**
 * One parsed smoke block.
 *
 * @param runbookPath path of the runbook below the content root
 * @param line        file line of the opening fence
 * @param fingerprint identifies the block's content (attributes and body) so results survive a block moving
 *                    within the page but not an edit to it
 */
public record SmokeCheck(String runbookPath, int line, String name, Duration timeout, int retries, boolean write,
                         String fingerprint, ProbeSpec probe, List<Assertion> assertions) {

    public SmokeCheck {
        assertions = List.copyOf(assertions);
    }
}
