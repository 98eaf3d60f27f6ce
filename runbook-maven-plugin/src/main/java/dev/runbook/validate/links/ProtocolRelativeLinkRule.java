package dev.runbook.validate.links;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code link.protocol-relative} (warning): a link such as {@code //grafana.example.com/d/api} that takes
 * its scheme from the page. The site works from {@code file://}, where the link becomes
 * {@code file://grafana.example.com/d/api} and opens nothing; it is also never checked by
 * {@code link.external}.
 */
public final class ProtocolRelativeLinkRule implements Rule {

    public static final String ID = "link.protocol-relative";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A protocol-relative link (//host/x) that breaks when the site is opened from file://");

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
            String d = link.destination();
            if (d.startsWith("//") && d.length() > 2 && d.charAt(2) != '/') {
                sink.report(this, runbook, link.position(),
                        (link.image() ? "image" : "link") + " '" + d + "' has no scheme; opened from file:// it becomes file:"
                                + d + " and goes nowhere",
                        "write https:" + d);
            }
        }
    }
}
