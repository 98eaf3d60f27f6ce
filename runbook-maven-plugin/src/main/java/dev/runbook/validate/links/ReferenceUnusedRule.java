package dev.runbook.validate.links;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.LinkReferences;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code link.reference-unused} (warning): a reference definition {@code [label]: target} that no link or
 * image on the page uses. Readers never see it; usually the link that used it was reworded or its label
 * misspelt. (A second definition of a used label is {@code link.reference-duplicate}'s, not this rule's.)
 */
public final class ReferenceUnusedRule implements Rule {

    public static final String ID = "link.reference-unused";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A reference definition [label]: target that no link or image on the page uses");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Its findings on a page depend on that page alone: validate keeps them per page. */
    @Override
    public String perPageKey(ValidationContext context) {
        return "";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        for (LinkReferences.Definition definition : runbook.references().definitions()) {
            if (!definition.used() && !definition.duplicate()) {
                sink.report(this, runbook, definition.position(),
                        "reference definition [" + definition.label() + "] is not used by any link on this page",
                        "link to it with [text][" + definition.label() + "], or remove the definition");
            }
        }
    }
}
