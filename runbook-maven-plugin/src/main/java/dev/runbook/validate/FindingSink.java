package dev.runbook.validate;

import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;

/** Where rules put what they find. Thread-safe implementations let rules run in parallel. */
public interface FindingSink {

    void report(Finding finding);

    /**
     * Says that this run's findings on a page may lack some a rule would have made (a tool it runs failed or
     * timed out on the page's blocks): a page cache must not keep the page's findings as its answer. A sink
     * that keeps nothing ignores it.
     */
    default void incomplete(String relativePath) {
    }

    /** Reports at the rule's default severity, in the runbook's file. */
    default void report(Rule rule, Runbook runbook, SourcePosition at, String message, String hint) {
        report(new Finding(rule.id(), rule.defaultSeverity(), runbook.relativePath(), at, message, hint));
    }
}
