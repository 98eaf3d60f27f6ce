package dev.runbook.smoke.run;

import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.assertion.AssertionEvaluator;
import dev.runbook.smoke.assertion.Verdict;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.parse.AssertionParser;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.Subject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One attempt of one check: the probe its kind runs, then the assertions. */
final class CheckExecutor {

    /** The result of one attempt; {@code refused} means the check cannot run here and retrying is pointless. */
    record Attempt(boolean passed, boolean refused, String message) {
    }

    Attempt attempt(SmokeCheck check, ProbeContext context) throws InterruptedException {
        Set<Subject> asserted = check.assertions().stream().map(Assertion::subject).collect(Collectors.toSet());
        ProbeSpec spec = check.probe().forSubjects(asserted);
        Observation seen;
        try {
            seen = spec.observe(context);
        } catch (ProbeRefusedException e) {
            return new Attempt(false, true, e.getMessage());
        }
        List<Assertion> assertions = check.assertions().isEmpty()
                ? List.of(AssertionParser.implied(spec.impliedExpectation(), spec.line()))
                : check.assertions();
        Verdict verdict = AssertionEvaluator.evaluate(assertions, seen, spec.implicitMaxStatus(), context.redactor());
        return new Attempt(verdict.passed(), false, verdict.message());
    }
}
