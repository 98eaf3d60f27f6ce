package dev.runbook.validate.policy;

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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "A runbook-ignore comment that matched no finding of the rules it names";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
    }

    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
    }
}
