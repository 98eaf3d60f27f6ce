package dev.runbook.validate.links;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

import java.util.Optional;

/**
 * {@code link.scheme} (error): a link whose scheme is misspelt ({@code hhttps://}, {@code ttps://},
 * {@code htps://}), lost its colon or a slash ({@code http//host}, {@code https:/host}), or is one no browser
 * opens ({@code localhost:8080/x}). Such a link goes nowhere, and no other rule checks it: it is neither an
 * http(s) URL nor a path.
 */
public final class LinkSchemeRule implements Rule {

    public static final String ID = "link.scheme";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "A link with a misspelt or unknown scheme (hhttps://, htps://, http//host) that no browser opens");

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
            Optional<LinkScheme.Problem> problem = LinkScheme.of(link.destination());
            if (problem.isPresent()) {
                String meant = problem.get().meant();
                sink.report(this, runbook, link.position(),
                        (link.image() ? "image" : "link") + " '" + link.destination() + "': " + problem.get().message(),
                        meant != null ? "write " + meant : "use an https:// address, or a path to a file in the content folder");
            }
        }
    }
}
