package dev.runbook.validate.links;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

    /** @param root the content root as a real path (as {@code LoadedContent.root()} is) */
    public ContentPaths(Path root) {
        this.root = root;
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
        String relative = root.relativize(candidate).toString().replace('\\', '/');
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Resolved(Kind.INSIDE_MISSING, candidate, relative));
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                return Optional.of(new Resolved(Kind.OUTSIDE, candidate, relative));
            }
        } catch (IOException e) {
            return Optional.of(new Resolved(Kind.INSIDE_MISSING, candidate, relative));
        }
        return Optional.of(new Resolved(Kind.INSIDE_EXISTS, candidate, relative));
    }
}
