package dev.runbook.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that turns a relative output path (a page, an attachment, a stale page to delete) into a
 * file, and the check that the file stays inside the output root. Names come from runbook authors, who are
 * not trusted: a file called {@code ..\..\victim.md} is legal on Linux, and a previous build's manifest is
 * a file anyone could have edited.
 *
 * <p>A relative path is accepted only when it is '/'-separated, not absolute, has no empty, {@code .} or
 * {@code ..} segment, and holds no backslash and no control character (newline included): such a name
 * means different things to different tools and platforms, so it is refused rather than "fixed". Then the
 * <em>real</em> path of the folder the file goes into must lie inside the root's real path, so a symbolic
 * link planted in the output (or carried over from a previous one) cannot lead a write or a delete out.
 */
public final class OutputRoot {

    private final Path root;
    private final Path realRoot;

    /** @param root an existing folder */
    public OutputRoot(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * What is wrong with a relative path as an output (or content) path, for a finding; empty when nothing.
     * Written to be shown after the file's name: "has a name with a backslash ...".
     */
    public static Optional<String> problemWith(String relative) {
        if (relative == null || relative.isEmpty()) {
            return Optional.of("has an empty path");
        }
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            if (c == '\\') {
                return Optional.of("has a backslash in its path ('" + printable(relative) + "'), which Windows and"
                        + " some tools read as a folder separator");
            }
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029') {
                return Optional.of("has a control character (U+" + String.format("%04X", (int) c) + ") in its path ('"
                        + printable(relative) + "')");
            }
        }
        if (relative.startsWith("/")) {
            return Optional.of("has an absolute path");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("has a path ('" + printable(relative) + "') with an empty, '.' or '..' part,"
                        + " which would lead outside its folder");
            }
        }
        return Optional.empty();
    }

    /** The hint that goes with {@link #problemWith}. */
    public static String renameHint() {
        return "rename it with letters, digits, '-', '_' and '.' only (folders separated by '/')";
    }

    /** The name with control characters shown as \\uXXXX, so a finding about it stays on one line. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The file at {@code relative} inside the root, with its folders created; refuses (with an
     * {@link IOException} that names the path) any path that is malformed or would lead outside.
     */
    public Path forWriting(String relative) throws IOException {
        Path file = lexical(relative);
        Files.createDirectories(file.getParent());
        requireInside(file.getParent(), relative);
        return file;
    }

    /**
     * Deletes the file at {@code relative} when it lies inside the root, and the folders it leaves empty (a
     * clean build would not make them); false (nothing deleted) for a malformed path or one that would lead
     * outside, and for a file that is not there.
     */
    public boolean deleteIfInside(String relative) throws IOException {
        Path file;
        try {
            file = lexical(relative);
        } catch (IOException e) {
            return false;
        }
        Path parent = file.getParent();
        if (!Files.isDirectory(parent) || !realPathInside(parent)) {
            return false;
        }
        if (!Files.deleteIfExists(file)) { // removes a link itself, never what it points to
            return false;
        }
        for (Path folder = parent; !folder.equals(root) && folder.startsWith(root); folder = folder.getParent()) {
            try {
                Files.delete(folder);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                break;
            }
        }
        return true;
    }

    /** Whether {@code relative} names a regular file inside the root (false for any path refused above). */
    public boolean hasFile(String relative) {
        try {
            Path file = lexical(relative);
            return Files.isDirectory(file.getParent()) && realPathInside(file.getParent())
                    && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    private Path lexical(String relative) throws IOException {
        Optional<String> problem = problemWith(relative);
        if (problem.isPresent()) {
            throw new IOException("refusing to write outside " + root + ": the output path " + problem.get());
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IOException("refusing to write outside " + root + ": " + relative);
        }
        return file;
    }

    private void requireInside(Path folder, String relative) throws IOException {
        if (!realPathInside(folder)) {
            throw new IOException("refusing to write " + relative + ": a symbolic link in " + root + " leads outside it");
        }
    }

    private boolean realPathInside(Path folder) {
        try {
            return folder.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
