package dev.runbook.validate.structure;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.load.Slugger;
import dev.runbook.model.Heading;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code structure.duplicate-id}: two headings with the same explicit {@code {#id}}, or an explicit id
 * that equals another heading's natural slug. Either way a {@code #fragment} written for one heading
 * lands on the other (generated slugs are silently renamed to {@code -1}).
 */
public final class DuplicateIdRule implements Rule {

    public static final String ID = "structure.duplicate-id";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "Two headings claim the same id: a repeated explicit {#id}, or an explicit id equal to another heading's slug");

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
        List<Heading> headings = runbook.headings();
        Map<String, Heading> explicit = new HashMap<>();
        for (Heading heading : headings) {
            if (!heading.explicitId()) {
                continue;
            }
            Heading earlier = explicit.putIfAbsent(heading.id(), heading);
            if (earlier != null) {
                sink.report(this, runbook, heading.position(),
                        "explicit id {#" + heading.id() + "} is already used by the heading on line " + earlier.position().line(),
                        "give one of the two headings another {#id}");
            }
        }
        for (Heading heading : headings) {
            if (heading.explicitId()) {
                continue;
            }
            String slug = Slugger.slugOf(heading.text());
            Heading claimed = explicit.get(slug);
            if (claimed != null) {
                sink.report(this, runbook, heading.position(),
                        "heading \"" + heading.text() + "\" would have the id #" + slug + ", but the heading on line "
                                + claimed.position().line() + " claims it with {#" + slug + "}; this one becomes #" + heading.id(),
                        "rename the explicit id, or give this heading its own {#id}");
            }
        }
    }
}
