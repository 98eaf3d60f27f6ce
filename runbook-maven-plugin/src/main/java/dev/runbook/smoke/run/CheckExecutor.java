package dev.runbook.smoke.run;

import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.assertion.AssertionEvaluator;
import dev.runbook.smoke.assertion.Verdict;
import dev.runbook.smoke.check.Capture;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.check.Step;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.parse.AssertionParser;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.ReadsUntil;
import dev.runbook.smoke.probe.Subject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.StepResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt of one check: its steps in order, each the probe its kind runs and then its assertions and
 * captures. The first step that fails ends the attempt, and a block of several steps names it. Captured
 * values feed {@code {{NAME}}} in later steps and are masked (with the environment's secret redaction) in
 * the attempt's message, since a captured token is as secret as a configured one.
 */
final class CheckExecutor {

    /** The result of one attempt; {@code refused} means the check cannot run here and retrying is pointless. */
    record Attempt(boolean passed, boolean refused, String message, List<StepResult> steps) {
    }

    Attempt attempt(SmokeCheck check, ProbeContext context) throws InterruptedException {
        Map<String, String> captured = new LinkedHashMap<>();
        ProbeContext stepContext = context;
        Redactor redactor = context.redactor();
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < check.steps().size(); i++) {
            Step step = check.steps().get(i);
            String stepName = check.steps().size() == 1 ? "" : "step " + (i + 1) + " (" + ProbeLines.abbreviate(step.label()) + "): ";
            Set<Subject> asserted = step.assertions().stream().map(Assertion::subject).collect(Collectors.toSet());
            ProbeSpec spec = (check.write() ? step.probe().allowingWrites() : step.probe()).forSubjects(asserted);
            if (spec instanceof ReadsUntil reader && asserted.contains(Subject.MESSAGE)) {
                spec = reader.until(text -> AssertionEvaluator.holdsForMessage(step.assertions(), text));
            }
            Observation seen;
            try {
                seen = spec.observe(stepContext);
            } catch (ProbeRefusedException e) {
                return ended(check, steps, Outcome.ERROR, false, true, redactor, stepName, e.getMessage());
            }
            // A step that only captures still asserts that its probe got an answer; a block of one bare probe
            // asserts that too (a bare curl URL must not pass on a 503).
            List<Assertion> assertions = step.assertions().isEmpty()
                    ? List.of(AssertionParser.implied(spec.impliedExpectation(), spec.line()))
                    : step.assertions();
            Verdict verdict = AssertionEvaluator.evaluate(assertions, seen, spec.implicitMaxStatus(), redactor);
            if (!verdict.passed()) {
                return ended(check, steps, Outcome.FAIL, false, false, redactor, stepName, verdict.message());
            }
            for (Capture c : step.captures()) {
                String value = AssertionEvaluator.valueText(c.subject(), c.argument(), seen);
                if (value == null) {
                    return ended(check, steps, Outcome.FAIL, false, false, redactor, stepName,
                            "capture " + c.name() + " = " + c.subjectText() + " (missing)");
                }
                // A captured token is as secret as a configured one: from now on no output of the run shows it.
                redactor.register(value);
                captured.put(c.name(), value);
            }
            if (!step.captures().isEmpty()) {
                stepContext = withCaptures(context, captured);
            }
            steps.add(new StepResult(step.label(), Outcome.PASS, ""));
        }
        return new Attempt(true, false, "", steps);
    }

    /** The attempt ended at the current step: it is recorded with its message, the steps after it as not run. */
    private static Attempt ended(SmokeCheck check, List<StepResult> steps, Outcome outcome, boolean passed, boolean refused,
                                 Redactor redactor, String stepName, String message) {
        String redacted = redactor.redact(message);
        steps.add(new StepResult(check.steps().get(steps.size()).label(), outcome, redacted));
        for (int i = steps.size(); i < check.steps().size(); i++) {
            steps.add(new StepResult(check.steps().get(i).label(), Outcome.SKIPPED, "not run: an earlier step failed"));
        }
        return new Attempt(passed, refused, redactor.redact(stepName + message), steps);
    }

    /** The context whose placeholders also know the captured values, as secrets (so they are masked too). */
    private static ProbeContext withCaptures(ProbeContext context, Map<String, String> captured) {
        Environment e = context.environment();
        Map<String, String> secrets = new HashMap<>(e.secretValues());
        secrets.putAll(captured);
        Environment extended = new Environment(e.name(), e.variables(), secrets, e.missingSecrets(), e.allowedHosts(),
                e.trustFiles(), e.redactor());
        return new ProbeContext(extended, context.http(), context.trust(), context.timeout(), context.clock());
    }
}
