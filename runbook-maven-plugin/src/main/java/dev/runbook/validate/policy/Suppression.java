package dev.runbook.validate.policy;

import dev.runbook.model.SourcePosition;

import java.util.Set;

/**
 * One {@code <!-- runbook-ignore rule[, rule]: reason -->} comment: the rules it names, why, where the
 * comment is, and the lines it covers ({@code firstLine..lastLine} of the block or line it applies to).
 */
public record Suppression(String file, Set<String> rules, String reason, SourcePosition at, int firstLine, int lastLine) {

    public Suppression {
        rules = Set.copyOf(rules);
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public boolean covers(String ruleId, String findingFile, int line) {
        return file.equals(findingFile) && rules.contains(ruleId) && line >= firstLine && line <= lastLine;
    }
}
