package dev.runbook.validate;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;

/**
 * One validation rule: a small final class with its {@link RuleInfo} (a stable id such as {@code link.anchor},
 * its default severity, a one-line description for the docs) and a check. Rules report at the rule's default
 * severity; the policy (per-rule severity, suppressions, baseline) is applied afterwards, in one place.
 */
public interface Rule {

    /** What reports and docs know of this rule: id, default severity, description; its docs entry is anchored at its id. */
    RuleInfo info();

    /** Stable id, as used in configuration, suppression comments, reports and docs. */
    default String id() {
        return info().id();
    }

    default Severity defaultSeverity() {
        return info().defaultSeverity();
    }

    /** One line for the rule list in the docs and in SARIF's rule descriptors. */
    default String description() {
        return info().description();
    }

    /**
     * Whether this rule's findings on a runbook depend on that runbook alone (its text and model) and on the
     * rule's settings, so that validate may keep them in its page cache and skip the rule on a page whose
     * text did not change: then a string naming anything else they depend on (the build date, a tool's
     * availability), {@code ""} for nothing; else null (the default): the rule runs over every page, every
     * run. A rule that looks at other pages, files on disk, the network or a tool whose answer may fail
     * must return null; a wrong non-null answer shows stale findings, so when in doubt, null.
     */
    default String perPageKey(ValidationContext context) {
        return null;
    }

    /** Checks one runbook. Rules that look across pages override {@link #checkAll} instead. */
    void check(Runbook runbook, ValidationContext context, FindingSink sink);

    /** Checks the whole content set; the default checks each runbook in turn. */
    default void checkAll(ValidationContext context, FindingSink sink) {
        for (Runbook runbook : context.content().runbooks()) {
            check(runbook, context, sink);
        }
    }
}
