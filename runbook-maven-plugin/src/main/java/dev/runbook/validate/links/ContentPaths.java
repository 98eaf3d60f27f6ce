package dev.runbook.validate.links;

import dev.runbook.validate.LinkStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a link path from a page to a file in the content folder, and refuses to look outside it:
 * the path is normalised first, and a file that exists is checked again by its real path so that a
 * symbolic link cannot lead out.
 */
public final class ContentPaths {

    /** What a link path points at. */
    public enum Kind { INSIDE_EXISTS, INSIDE_MISSING, OUTSIDE }

    public record Resolved(Kind kind, Path path, String relativePath) {
    }

    private final Path root;
    private final LinkStyle style;
    /** Each in-root path as the disk answered it, for the life of this object (one rule's pass over the pages). */
    private final java.util.Map<Path, Resolved> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param root the content root as a real path (as {@code LoadedContent.root()} is) */
    public ContentPaths(Path root) {
        this(root, LinkStyle.SITE);
    }

    /** @param style {@link LinkStyle#GITHUB}: a path means that file only, never a page it would be on the site */
    public ContentPaths(Path root, LinkStyle style) {
        this.root = root;
        this.style = style;
    }

    /** The same paths read the way the generated site reads them (for "GitHub would not open this" hints). */
    public ContentPaths siteStyle() {
        return style == LinkStyle.SITE ? this : new ContentPaths(root, LinkStyle.SITE);
    }

    public Optional<Resolved> resolve(String pageRelativePath, String linkPath) {
        Path candidate;
        try {
            Path base = linkPath.startsWith("/") ? root : root.resolve(pageRelativePath).getParent();
            String stripped = linkPath.replaceFirst("^/+", "");
            candidate = (base == null ? root : base).resolve(stripped).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root)) {
            return Optional.of(new Resolved(Kind.OUTSIDE, candidate, null));
        }
        // Many pages link the same file (a README, a shared page): the disk is asked once per path.
        return Optional.of(resolved.computeIfAbsent(candidate, this::onDisk));
    }

    /** What an in-root path is on disk: a file (by its real path inside the root), a page it names, or nothing. */
    private Resolved onDisk(Path candidate) {
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Path> page = style == LinkStyle.SITE ? pageFor(candidate) : Optional.empty();
            if (page.isEmpty()) {
                return new Resolved(Kind.INSIDE_MISSING, candidate, relative(candidate));
            }
            candidate = page.get();
        }
        String relative = relative(candidate);
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                return new Resolved(Kind.OUTSIDE, candidate, relative);
            }
        } catch (IOException e) {
            return new Resolved(Kind.INSIDE_MISSING, candidate, relative);
        }
        return new Resolved(Kind.INSIDE_EXISTS, candidate, relative);
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /**
     * Site-style links to a page: {@code /docs/add-runbook} (Hugo and most generators drop the extension)
     * and {@code page.html} (the name the site gives {@code page.md}, and the page Middleman makes of
     * {@code page.html.md.erb}) both mean the source file.
     */
    private Optional<Path> pageFor(Path missing) {
        String name = missing.getFileName() == null ? "" : missing.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        if (name.endsWith(".html")) {
            candidates.add(missing.resolveSibling(name.substring(0, name.length() - 5) + ".md"));
            candidates.add(missing.resolveSibling(name + ".md.erb"));
            candidates.add(missing.resolveSibling(name + ".md"));
        } else if (!name.contains(".")) {
            candidates.add(missing.resolveSibling(name + ".md"));
            candidates.add(missing.resolveSibling(name + ".html.md.erb"));
            candidates.add(missing.resolveSibling(name + ".html.md"));
            candidates.add(missing.resolve("index.md"));
            candidates.add(missing.resolve("_index.md"));
            candidates.add(missing.resolve("README.md"));
        }
        return candidates.stream().filter(p -> p.normalize().startsWith(root) && Files.isRegularFile(p)).findFirst();
    }
}
