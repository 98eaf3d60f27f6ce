package dev.runbook.validate.links;

import dev.runbook.core.Closest;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.LinkStyle;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

import java.util.Map;
import java.util.Optional;

/**
 * {@code link.anchor}: a {@code #fragment} — on the same page or on another runbook — that names no
 * heading id, {@code {#id}} or {@code <a id>} there. Ids are GitHub slugs, so a fragment that passes here
 * works on the site and on GitHub. The hint names the closest existing anchor.
 */
public final class AnchorLinkRule implements Rule {

    public static final String ID = "link.anchor";

    private final LinkStyle style;

    public AnchorLinkRule() {
        this(LinkStyle.SITE);
    }

    /** @param style how a link names its page; a page the style does not find is link.file's to report */
    public AnchorLinkRule(LinkStyle style) {
        this.style = style;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "A #fragment (same page or another runbook) that names no heading or id on the target page");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        check(runbook, new ContentPaths(context.content().root(), style), context.content().byRelativePath(), sink);
    }

    /** Indexes the pages once for all runbooks (cross-page fragments look them up). */
    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
        Map<String, Runbook> pages = context.content().byRelativePath();
        ContentPaths paths = new ContentPaths(context.content().root(), style);
        for (Runbook runbook : context.content().runbooks()) {
            check(runbook, paths, pages, sink);
        }
    }

    private void check(Runbook runbook, ContentPaths paths, Map<String, Runbook> pages, FindingSink sink) {
        for (Link link : runbook.links()) {
            LinkTarget.of(link).ifPresent(t -> checkTarget(runbook, pages, paths, t, link.destination(), link.position(), sink));
        }
        for (HugoRefs.Ref ref : HugoRefs.in(runbook)) {
            LinkTarget.of(ref.destination(), false)
                    .ifPresent(t -> checkTarget(runbook, pages, paths, t, ref.destination(), ref.position(), sink));
        }
    }

    private void checkTarget(Runbook runbook, Map<String, Runbook> pages, ContentPaths paths, LinkTarget target,
                             String written, SourcePosition at, FindingSink sink) {
        String fragment = target.fragment();
        if (fragment == null || fragment.isEmpty() || fragment.equals("top")) {
            return;
        }
        Runbook page;
        if (target.samePage()) {
            page = runbook;
        } else {
            Optional<ContentPaths.Resolved> resolved = paths.resolve(runbook.relativePath(), target.path());
            if (resolved.isEmpty() || resolved.get().kind() != ContentPaths.Kind.INSIDE_EXISTS) {
                return; // link.file reports the missing page; an anchor on it cannot be judged.
            }
            page = pages.get(resolved.get().relativePath());
            if (page == null) {
                return; // Not a runbook (an image, a text file): it has no anchors to check.
            }
        }
        if (page.anchors().contains(fragment)) {
            return;
        }
        String where = page == runbook ? "this page" : page.relativePath();
        String hint = Closest.to(fragment, page.anchors())
                .map(best -> best.equalsIgnoreCase(fragment)
                        ? "ids are lower-case: write #" + best
                        : "did you mean #" + best + "?")
                .orElse(page.anchors().isEmpty() ? where + " has no headings to link to"
                        : "link to one of the headings on " + where + " (ids are GitHub slugs of the heading text)");
        sink.report(this, runbook, at, "link '" + written + "': " + where + " has no anchor #" + fragment, hint);
    }
}
