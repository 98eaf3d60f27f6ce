package dev.runbook.validate.run;

import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.ConcurrentFindingSink;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.policy.ValidationResult;
import dev.runbook.findings.Finding;
import dev.runbook.validate.policy.ValidationPolicy;

import java.util.List;

/**
 * Runs every rule over the loaded content (rules in parallel, each into one thread-safe sink), then lets
 * the policy decide what each raw finding becomes. A rule that crashes is logged and skipped; it never
 * takes the other rules' findings down with it.
 */
public final class Validator {

    private final List<Rule> rules;
    private final ValidationPolicy policy;

    public Validator(List<Rule> rules, ValidationPolicy policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
    }

    public ValidationResult validate(ValidationContext context) {
        List<Finding> raw = rawFindings(context);
        return policy.apply(raw, context.content());
    }

    /** The findings as the rules report them, before the policy: sorted by {@link Finding#ORDER}. */
    public List<Finding> rawFindings(ValidationContext context) {
        ConcurrentFindingSink sink = new ConcurrentFindingSink();
        rules.parallelStream().forEach(rule -> runOne(rule, context, sink));
        return sink.sorted();
    }

    private static void runOne(Rule rule, ValidationContext context, FindingSink sink) {
        long start = System.nanoTime();
        try {
            rule.checkAll(context, sink);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms >= 100) { // which rule a slow validation spends its time in, at -X
                context.log().debug("runbook: validate: rule " + rule.id() + " took " + ms + " ms");
            }
        } catch (RuntimeException e) {
            context.log().warn("validate: rule " + rule.id() + " failed and was skipped: " + e
                    + " (please report this as a bug)");
        }
    }

    public List<Rule> rules() {
        return rules;
    }
}
