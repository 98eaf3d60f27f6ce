package dev.runbook.validate.links;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code link.empty} (warning): a link or image with no destination, {@code [Grafana]()} or
 * {@code [Grafana](<>)}. It renders as a link that goes nowhere; usually the URL was never pasted in.
 */
public final class EmptyLinkRule implements Rule {

    public static final String ID = "link.empty";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A link or image with no destination, such as [Grafana]()");

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
        for (Link link : runbook.links()) {
            if (link.destination().isBlank()) {
                String text = link.text() == null || link.text().isBlank() ? "" : " [" + link.text().strip() + "]";
                sink.report(this, runbook, link.position(),
                        (link.image() ? "image" : "link") + text + " has no destination; it goes nowhere",
                        "paste the URL or path between the parentheses, or remove the link and keep the text");
            }
        }
    }
}
