package dev.runbook.alerts;

import java.util.Map;
import java.util.Objects;

/**
 * One alerting rule ({@code - alert: Name}) as its rule file declares it.
 *
 * @param name        the {@code alert} name
 * @param expr        the PromQL expression, as written (may be empty)
 * @param forDuration the {@code for} value, or null
 * @param labels      the rule's labels, in file order ({@code severity} among them)
 * @param runbookUrl  the {@code runbook_url} annotation, stripped, or null when there is none
 * @param file        the rule file, as the findings name it (relative to the content root, '/' separators)
 * @param group       the rule group's name, or null
 * @param at          where the {@code alert:} key stands
 * @param urlAt       where the {@code runbook_url} value stands ({@code at} when there is none)
 */
public record AlertRule(String name, String expr, String forDuration, Map<String, String> labels, String runbookUrl,
                        String file, String group, Position at, Position urlAt) {

    /** A 1-based line and column in a rule file. */
    public record Position(int line, int column) {
    }

    public AlertRule {
        Objects.requireNonNull(name, "name");
        expr = expr == null ? "" : expr;
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        runbookUrl = runbookUrl == null || runbookUrl.isBlank() ? null : runbookUrl.strip();
        urlAt = urlAt == null ? at : urlAt;
    }

    /** The {@code severity} label, or null. */
    public String severity() {
        return labels.get("severity");
    }
}
