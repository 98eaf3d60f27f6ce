package dev.runbook.validate.links;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.LinkReferences;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code link.reference-duplicate} (warning): a second definition of a label already defined on the page.
 * Labels match case-insensitively and the first definition wins, so this one is silently ignored, and
 * links meant for it go to the first one's target.
 */
public final class ReferenceDuplicateRule implements Rule {

    public static final String ID = "link.reference-duplicate";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A reference label defined twice on a page (case-insensitively); the second definition is ignored");

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
            if (definition.duplicate()) {
                sink.report(this, runbook, definition.position(),
                        "reference [" + definition.label() + "] is already defined on line " + definition.duplicateOf()
                                + " (labels ignore case); this definition (" + definition.destination() + ") is ignored",
                        "remove one definition, or give this one its own label and use it in the links meant for it");
            }
        }
    }
}
