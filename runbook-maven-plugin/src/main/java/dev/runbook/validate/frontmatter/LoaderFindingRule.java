package dev.runbook.validate.frontmatter;

import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * Base of the rules whose findings the loader already made while reading the files (it is the only
 * stage that sees the raw front-matter and unreadable files). The rule passes them on, so they get the
 * same ids, docs and policy as every other finding.
 */
abstract class LoaderFindingRule implements Rule {

    /** Whether a loader finding is passed on; rules with settings narrow it down. */
    protected boolean keep(Finding finding, ValidationContext context) {
        return true;
    }

    @Override
    public final void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        for (Finding finding : context.content().findings()) {
            if (finding.ruleId().equals(id()) && finding.file().equals(runbook.relativePath()) && keep(finding, context)) {
                sink.report(finding);
            }
        }
    }

    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
        for (Finding finding : context.content().findings()) {
            if (finding.ruleId().equals(id()) && keep(finding, context)) {
                sink.report(finding);
            }
        }
    }
}
