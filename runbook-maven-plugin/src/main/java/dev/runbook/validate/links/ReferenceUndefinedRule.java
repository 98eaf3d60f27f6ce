package dev.runbook.validate.links;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.LinkReferences;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code link.reference-undefined} (warning): an explicit reference link {@code [text][label]} (or image
 * {@code ![alt][label]}) whose label no definition on the page names; readers see the brackets as text.
 * Only the full form is reported: a lone {@code [word]} with no definition is plain text in CommonMark
 * ({@code [TBD]}, {@code [x]}, task boxes), and brackets right after a word or bracket
 * ({@code matrix[i][j]}) index something.
 */
public final class ReferenceUndefinedRule implements Rule {

    public static final String ID = "link.reference-undefined";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A reference link [text][label] whose label has no definition on the page; it shows as plain text");

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
        for (LinkReferences.Undefined reference : runbook.references().undefined()) {
            sink.report(this, runbook, reference.position(),
                    (reference.image() ? "image " : "link ") + shorten(reference.written()) + " uses the label ["
                            + reference.label() + "], which no definition on this page names; it shows as plain text",
                    "add a line '[" + reference.label() + "]: <url or path>' to this page, or fix the label");
        }
    }

    private static String shorten(String written) {
        String oneLine = written.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "…" : oneLine;
    }
}
