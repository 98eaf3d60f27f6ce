package dev.runbook.smoke.run;

import dev.runbook.smoke.assertion.AssertionEvaluator;
import dev.runbook.smoke.assertion.Verdict;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

/** One attempt of one check: the probe its kind runs, then the assertions. */
final class CheckExecutor {

    /** The result of one attempt; {@code refused} means the check cannot run here and retrying is pointless. */
    record Attempt(boolean passed, boolean refused, String message) {
    }

    Attempt attempt(SmokeCheck check, ProbeContext context) throws InterruptedException {
        ProbeSpec spec = check.probe();
        Observation seen;
        try {
            seen = spec.observe(context);
        } catch (ProbeRefusedException e) {
            return new Attempt(false, true, e.getMessage());
        }
        Verdict verdict = AssertionEvaluator.evaluate(check.assertions(), seen, spec.implicitMaxStatus());
        return new Attempt(verdict.passed(), false, verdict.message());
    }
}
