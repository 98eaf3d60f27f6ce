package dev.runbook.findings;

import java.util.Objects;

/**
 * What reports and docs know of a rule: its stable id, the severity it reports at unless configured
 * otherwise, a one-line description, and the anchor of its entry in {@code docs/validate.md}.
 */
public record RuleInfo(String id, Severity defaultSeverity, String description, String docsAnchor) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(docsAnchor, "docsAnchor");
    }

    /** A rule whose docs entry is anchored at its id, as every built-in rule's is. */
    public RuleInfo(String id, Severity defaultSeverity, String description) {
        this(id, defaultSeverity, description, id);
    }
}
