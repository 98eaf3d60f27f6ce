package dev.runbook.alerts;

/** A rule file that cannot be read or parsed, or a rule in it that is malformed; the other files still count. */
public record RuleFileProblem(String file, AlertRule.Position at, String message) {
}
