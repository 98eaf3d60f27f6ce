package dev.runbook.validate.policy;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code suppression.no-reason}: a {@code runbook-ignore} comment without a reason after a colon. Such a
 * comment suppresses nothing — the reason is what a reviewer reads. Reported by {@link Suppressions}.
 */
public final class SuppressionNoReasonRule implements Rule {

    public static final String ID = "suppression.no-reason";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A runbook-ignore comment without a reason (or without a rule id); it suppresses nothing");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        // Reported while the policy applies suppressions; nothing to check per runbook.
    }

    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
    }
}
