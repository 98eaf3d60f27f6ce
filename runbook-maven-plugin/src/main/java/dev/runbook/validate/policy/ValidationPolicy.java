package dev.runbook.validate.policy;

import dev.runbook.findings.Finding;
import dev.runbook.load.LoadedContent;
import dev.runbook.validate.policy.ValidationResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one place raw findings become the verdict, in this order: inline suppressions (so a suppression
 * for a rule that is later switched off still counts as used), per-rule severity, then the baseline.
 */
public final class ValidationPolicy {

    private final SeverityOverrides overrides;
    private final Baseline baseline;
    private final Set<String> knownRuleIds;

    public ValidationPolicy(SeverityOverrides overrides, Baseline baseline, Collection<String> knownRuleIds) {
        this.overrides = overrides;
        this.baseline = baseline;
        this.knownRuleIds = Set.copyOf(knownRuleIds);
    }

    public ValidationResult apply(List<Finding> raw, LoadedContent content) {
        List<Finding> unsuppressed = new Suppressions().apply(raw, content, knownRuleIds);
        List<Finding> leveled = new ArrayList<>();
        for (Finding finding : unsuppressed) {
            overrides.apply(finding).ifPresent(leveled::add);
        }
        leveled.sort(Finding.ORDER);
        if (baseline.isEmpty()) {
            return new ValidationResult(leveled, List.of());
        }
        Baseline.Split split = baseline.split(leveled);
        return new ValidationResult(split.fresh(), split.accepted());
    }
}
