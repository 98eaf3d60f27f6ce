package dev.runbook.validate.policy;

import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Per-rule severity from the configuration ({@code <severities><link.external>warning</link.external>…}). */
public final class SeverityOverrides {

    public static final SeverityOverrides NONE = new SeverityOverrides(Map.of());

    private final Map<String, RuleLevel> levels;

    public SeverityOverrides(Map<String, RuleLevel> levels) {
        this.levels = Map.copyOf(levels);
    }

    /** Reads the user's map; a rule id that no rule has is a setup error (a typo would silently do nothing). */
    public static SeverityOverrides parse(Map<String, String> configured, Collection<String> knownRuleIds) throws SetupException {
        if (configured == null || configured.isEmpty()) {
            return NONE;
        }
        Map<String, RuleLevel> levels = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : configured.entrySet()) {
            String rule = entry.getKey().strip();
            if (!knownRuleIds.contains(rule)) {
                throw new SetupException("severities names an unknown rule '" + rule + "'; known rules: "
                        + String.join(", ", new TreeSet<>(knownRuleIds)));
            }
            levels.put(rule, RuleLevel.parse(rule, entry.getValue() == null ? "" : entry.getValue()));
        }
        return new SeverityOverrides(levels);
    }

    /** The finding at its configured severity, or empty when its rule is off. Info findings keep their level. */
    public Optional<Finding> apply(Finding finding) {
        RuleLevel level = levels.get(finding.ruleId());
        if (level == null) {
            return Optional.of(finding);
        }
        if (level == RuleLevel.OFF) {
            return Optional.empty();
        }
        // Info hints (a permanently moved link) stay hints: a level says how much a problem matters.
        return Optional.of(finding.severity() == Severity.INFO ? finding : finding.withSeverity(level.severity()));
    }

    public boolean isOff(String ruleId) {
        return levels.get(ruleId) == RuleLevel.OFF;
    }
}
