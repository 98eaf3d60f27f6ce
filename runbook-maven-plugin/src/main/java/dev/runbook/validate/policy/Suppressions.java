package dev.runbook.validate.policy;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the inline {@code runbook-ignore} comments: drops the findings they cover and adds a
 * {@code suppression.no-reason} or {@code suppression.unused} warning for comments that need attention.
 */
public final class Suppressions {

    private final SuppressionScanner scanner = new SuppressionScanner();

    public List<Finding> apply(List<Finding> findings, LoadedContent content, Collection<String> knownRuleIds) {
        List<Suppression> all = new ArrayList<>();
        for (Runbook runbook : content.runbooks()) {
            all.addAll(scanner.scan(runbook));
        }
        if (all.isEmpty()) {
            return findings;
        }
        List<Suppression> effective = all.stream().filter(s -> s.hasReason() && !s.rules().isEmpty()).toList();
        Map<Suppression, Boolean> used = new IdentityHashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            Suppression by = effective.stream()
                    .filter(s -> s.covers(finding.ruleId(), finding.file(), finding.line())).findFirst().orElse(null);
            if (by == null) {
                kept.add(finding);
            } else {
                used.put(by, true);
            }
        }
        for (Suppression s : all) {
            if (s.rules().isEmpty() || !s.hasReason()) {
                kept.add(new Finding(SuppressionNoReasonRule.ID, Severity.WARNING, s.file(), s.at(),
                        s.rules().isEmpty() ? "runbook-ignore names no rule, so it suppresses nothing"
                                : "runbook-ignore " + String.join(", ", s.rules()) + " has no reason, so it suppresses nothing",
                        "write it as <!-- runbook-ignore rule.id: why this finding is acceptable -->"));
            } else if (!used.containsKey(s)) {
                Set<String> unknown = new TreeSet<>(s.rules());
                unknown.removeAll(knownRuleIds);
                String message = unknown.isEmpty()
                        ? "runbook-ignore " + String.join(", ", s.rules()) + " suppresses nothing on lines "
                                + s.firstLine() + "-" + s.lastLine()
                        : "runbook-ignore names unknown rule " + String.join(", ", unknown);
                kept.add(new Finding(SuppressionUnusedRule.ID, Severity.WARNING, s.file(), s.at(), message,
                        "remove the comment, or put it right above the block that has the finding"));
            }
        }
        kept.sort(Finding.ORDER);
        return kept;
    }
}
