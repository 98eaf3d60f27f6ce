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

import java.util.Optional;
import java.util.Set;

/**
 * {@code link.file}: a relative link or image whose file is not there, or whose path leads outside the
 * content folder (reported and never read). Hugo {@code ref} shortcodes are checked the same way. With
 * {@link LinkStyle#GITHUB} a link must name the file itself ({@code page.md}, not {@code page}), as GitHub's
 * file view needs.
 */
public final class FileLinkRule implements Rule {

    public static final String ID = "link.file";

    private final LinkStyle style;

    public FileLinkRule() {
        this(LinkStyle.SITE);
    }

    public FileLinkRule(LinkStyle style) {
        this.style = style;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "A relative link or image to a file that does not exist, or that lies outside the content folder");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        check(runbook, new ContentPaths(context.content().root(), style), context.content().byRelativePath().keySet(), sink);
    }

    /** Builds the set of page paths once for all runbooks (suggestions look through it). */
    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
        Set<String> pages = context.content().byRelativePath().keySet();
        ContentPaths paths = new ContentPaths(context.content().root(), style);
        for (Runbook runbook : context.content().runbooks()) {
            check(runbook, paths, pages, sink);
        }
    }

    private void check(Runbook runbook, ContentPaths paths, Set<String> pages, FindingSink sink) {
        for (Link link : runbook.links()) {
            Optional<LinkTarget> target = LinkTarget.of(link);
            if (target.isPresent() && !target.get().samePage() && LinkScheme.of(link.destination()).isEmpty()) {
                checkPath(runbook, pages, paths, target.get().path(), link.destination(), link.image(), link.position(), sink);
            }
        }
        for (HugoRefs.Ref ref : HugoRefs.in(runbook)) {
            LinkTarget.of(ref.destination(), false).filter(t -> !t.samePage()).ifPresent(t ->
                    checkPath(runbook, pages, paths, t.path(), ref.destination(), false, ref.position(), sink));
        }
    }

    private void checkPath(Runbook runbook, Set<String> pages, ContentPaths paths, String path, String written,
                           boolean image, SourcePosition at, FindingSink sink) {
        Optional<ContentPaths.Resolved> resolved = paths.resolve(runbook.relativePath(), path);
        if (resolved.isEmpty()) {
            sink.report(this, runbook, at, (image ? "image" : "link") + " '" + written + "' is not a valid path",
                    "write a path relative to this page");
            return;
        }
        switch (resolved.get().kind()) {
            case INSIDE_EXISTS -> {
            }
            case OUTSIDE -> sink.report(this, runbook, at,
                    (image ? "image" : "link") + " '" + written + "' leads outside the content folder; it was not checked",
                    "link to a file inside the content folder, or use an absolute https:// URL");
            case INSIDE_MISSING -> {
                String missing = resolved.get().relativePath();
                boolean fromRoot = path.startsWith("/");
                Optional<String> beside = fromRoot ? besideThePage(runbook, paths, path) : Optional.empty();
                Optional<String> github = style == LinkStyle.GITHUB ? gitHubName(runbook, paths, path, written) : Optional.empty();
                String hint = github
                        .or(() -> beside.map(b -> "did you mean " + b + " (beside this page)? A leading / is read from"
                                + " the content folder's root; drop it"))
                        .or(() -> suggestionsFor(missing, pages)
                                .map(best -> "did you mean " + (fromRoot ? "/" + best : relativeTo(runbook.relativePath(), best)) + "?"))
                        .orElse(fromRoot ? "fix the path (a leading / means the content folder's root) or add the file"
                                : "fix the path (it is relative to this page) or add the file");
                sink.report(this, runbook, at, (image ? "image" : "link") + " '" + written + "' points to " + missing
                        + ", which does not exist", hint);
            }
        }
    }

    /**
     * With the GitHub style, a link the site would resolve ({@code interaction#step} → {@code interaction.md})
     * that GitHub's file view answers with a 404: the hint names the file to write.
     */
    private static Optional<String> gitHubName(Runbook runbook, ContentPaths paths, String path, String written) {
        return paths.siteStyle().resolve(runbook.relativePath(), path)
                .filter(r -> r.kind() == ContentPaths.Kind.INSIDE_EXISTS)
                .map(r -> {
                    String file = path.startsWith("/") ? "/" + r.relativePath() : relativeTo(runbook.relativePath(), r.relativePath());
                    int hash = written.indexOf('#');
                    return "GitHub's file view opens only the file name as written (this link is a 404 there): write "
                            + file + (hash < 0 ? "" : written.substring(hash));
                });
    }

    /**
     * For {@code /x.md} that is not at the root: the same path read from the page's folder, when a file is
     * there. Writers often mean "this folder" by a leading slash.
     */
    private static Optional<String> besideThePage(Runbook runbook, ContentPaths paths, String path) {
        String relative = path.replaceFirst("^/+", "");
        if (relative.isEmpty() || !runbook.relativePath().contains("/")) {
            return Optional.empty();
        }
        return paths.resolve(runbook.relativePath(), relative)
                .filter(r -> r.kind() == ContentPaths.Kind.INSIDE_EXISTS)
                .map(r -> relative);
    }

    /**
     * Only pages are offered as "did you mean" for a missing page, and only a close one ({@link Closest#to}:
     * one edit per five characters), so {@code failovr.md} gets {@code failover.md} but {@code x.md} never gets
     * {@code runbooks/x.md}. An image never gets a page suggested.
     */
    private static Optional<String> suggestionsFor(String missing, Set<String> pages) {
        String name = missing.substring(missing.lastIndexOf('/') + 1);
        if (!name.endsWith(".md") && name.contains(".")) {
            return java.util.Optional.empty();
        }
        return Closest.to(missing, pages);
    }

    /** A path from one page to another, as the user would write it. */
    static String relativeTo(String fromPage, String toFile) {
        java.nio.file.Path from = java.nio.file.Path.of(fromPage).getParent();
        java.nio.file.Path to = java.nio.file.Path.of(toFile);
        return (from == null ? to : from.relativize(to)).toString().replace('\\', '/');
    }
}
