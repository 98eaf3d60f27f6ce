package dev.runbook.validate.policy;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code suppression.unused}: a {@code runbook-ignore} comment that suppressed nothing, so it is stale or
 * names the wrong rule. Reported by {@link Suppressions}.
 */
public final class SuppressionUnusedRule implements Rule {

    public static final String ID = "suppression.unused";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A runbook-ignore comment that matched no finding of the rules it names");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
    }

    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
    }
}
