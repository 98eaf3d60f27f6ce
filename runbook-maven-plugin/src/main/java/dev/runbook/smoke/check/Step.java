package dev.runbook.smoke.check;

import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.probe.ProbeSpec;

import java.util.List;

/**
 * One probe of a block with the assertions and captures that follow it, up to the next probe line.
 *
 * @param label the probe line as written, naming the step in failure messages
 */
public record Step(String label, ProbeSpec probe, List<Assertion> assertions, List<Capture> captures) {

    public Step {
        assertions = List.copyOf(assertions);
        captures = List.copyOf(captures);
    }
}
