package dev.runbook.validate;

import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;

/** Where rules put what they find. Thread-safe implementations let rules run in parallel. */
public interface FindingSink {

    void report(Finding finding);

    /** Reports at the rule's default severity, in the runbook's file. */
    default void report(Rule rule, Runbook runbook, SourcePosition at, String message, String hint) {
        report(new Finding(rule.id(), rule.defaultSeverity(), runbook.relativePath(), at, message, hint));
    }
}
