package dev.runbook.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One SHA-256 over everything a goal's output depends on, computed <em>before</em> the goal parses
 * anything, so that an up-to-date check costs a walk of the folders rather than a parse of every file
 * (at 10,000 runbooks the parse is tens of seconds, the walk well under one).
 *
 * <p>Folders are taken by their file list with each file's size, modification time and file key
 * (inode): the same evidence {@code make} and Gradle's file-system snapshots trust. An edit that keeps
 * the size and sets the modification time back to the nanosecond goes unseen; {@code touch} forces a
 * rebuild. Small single files (smoke results, findings, a baseline) are hashed by content.
 */
public final class InputDigest {

    /** How close to a digest a file's modification makes the digest untrustworthy (see {@link #modifiedSince}). */
    public static final java.time.Duration RACY_WINDOW = java.time.Duration.ofSeconds(2);

    private static final java.util.Set<String> SKIPPED_FOLDERS = java.util.Set.of(".git", ".hg", ".svn", "node_modules");

    private final MessageDigest digest;
    /** The newest modification time among the trees' files, in nanoseconds since the epoch. */
    private final AtomicLong newestModification = new AtomicLong(Long.MIN_VALUE);

    public InputDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Adds a settings value in a canonical form that is the same in every JVM: records by component, maps
     * and sets sorted (their iteration order is randomised per JVM), patterns by source and flags.
     */
    public InputDigest addSettings(String name, Object value) {
        return add(name, canonical(value));
    }

    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Record record) {
            StringBuilder out = new StringBuilder(record.getClass().getSimpleName()).append('(');
            for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
                Object part;
                try {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    part = accessor.invoke(record);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    part = "\u0000unreadable";
                }
                out.append(component.getName()).append('=').append(canonical(part)).append(';');
            }
            return out.append(')').toString();
        }
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(canonical(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof java.util.Set<?> set) {
            return new java.util.TreeSet<>(set.stream().map(InputDigest::canonical).toList()).toString();
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(InputDigest::canonical).toList().toString();
        }
        if (value instanceof java.util.regex.Pattern pattern) {
            return "/" + pattern.pattern() + "/" + pattern.flags();
        }
        if (value instanceof Path path) {
            return path.toAbsolutePath().normalize().toString();
        }
        return value.toString();
    }

    /** Adds a named value; null is distinct from every string. */
    public InputDigest add(String name, Object value) {
        update(name);
        update(value == null ? "\u0000null" : value.toString());
        return this;
    }

    /**
     * Adds a folder's files below {@code root}: relative path, size, modification time and file key of
     * each, in sorted order. Version-control folders and {@code node_modules} are left out (they change
     * with every {@code git status} and nothing is published from them); other hidden folders count, as a
     * runbook may link an attachment inside one. A symbolic link counts by its target's attributes, so
     * editing the target is a change. A missing folder is its own value; a file that cannot be read makes
     * the digest unique, so nothing is ever wrongly up to date.
     */
    public InputDigest addTree(String name, Path root) throws IOException {
        return addTree(name, tree(root));
    }

    /** Adds a folder digested earlier with {@link #tree}, so that one walk serves several digests. */
    public InputDigest addTree(String name, Tree tree) {
        update(name);
        update(tree.hex());
        newestModification.accumulateAndGet(tree.newestModification(), Math::max);
        return this;
    }

    /**
     * A folder's files, digested once (see {@link #addTree(String, Path)} for what counts).
     *
     * @param hex                the digest
     * @param newestModification the newest modification time of its files, nanoseconds since the epoch
     */
    public record Tree(String hex, long newestModification) {

        /** Whether a file of the folder was modified at or after {@code instant} (see {@link #modifiedSince}). */
        public boolean modifiedSince(java.time.Instant instant) {
            return newestModification != Long.MIN_VALUE && newestModification >= nanos(instant);
        }
    }

    /** Walks a folder once into a {@link Tree}; a missing folder is its own value. */
    public static Tree tree(Path root) throws IOException {
        InputDigest digest = new InputDigest();
        digest.walk(root);
        return new Tree(digest.hex(), digest.newestModification.get());
    }

    private void walk(Path root) throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            update("\u0000absent");
            return;
        }
        List<String> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root) && SKIPPED_FOLDERS.contains(dirName);
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                BasicFileAttributes seen = attrs;
                if (attrs.isSymbolicLink()) {
                    try {
                        seen = Files.readAttributes(file, BasicFileAttributes.class);
                    } catch (IOException e) {
                        entries.add(relative(root, file) + "\u0000dangling");
                        return FileVisitResult.CONTINUE;
                    }
                }
                entries.add(relative(root, file) + "\u0000" + describe(seen, true));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                entries.add(relative(root, file) + "\u0000unreadable\u0000" + System.nanoTime());
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(null);
        update(String.valueOf(entries.size()));
        for (String entry : entries) {
            update(entry);
        }
    }

    /** Adds a file by its size, modification time and file key (for large files such as the plugin's jar). */
    public InputDigest addFileStamp(String name, Path file) {
        update(name);
        try {
            update(file == null ? "\u0000absent" : describe(Files.readAttributes(file, BasicFileAttributes.class), false));
        } catch (IOException e) {
            update("\u0000absent");
        }
        return this;
    }

    /** Adds a file by its content; a missing file is its own value. */
    public InputDigest addFileContent(String name, Path file) throws IOException {
        update(name);
        if (file == null || !Files.isRegularFile(file)) {
            update("\u0000absent");
            return this;
        }
        MessageDigest content;
        try {
            content = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                content.update(buffer, 0, n);
            }
        }
        update(HexFormat.of().formatHex(content.digest()));
        return this;
    }

    /** Where a class was loaded from (the plugin's jar, or a classes folder in tests); null when unknown. */
    public static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The digest as hex. Ends this digest: add nothing after. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @param edited a file people edit (a tree's files), as opposed to one a build installs (the plugin's jar) */
    private String describe(BasicFileAttributes attrs, boolean edited) {
        long modified = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        if (edited) {
            newestModification.accumulateAndGet(modified, Math::max);
        }
        return attrs.size() + "\u0000" + modified + "\u0000" + attrs.fileKey();
    }

    /**
     * Whether a file of an added tree was modified at or after {@code instant}. The kernel stamps files with a coarse
     * clock (a few milliseconds), so a file rewritten with the same size within one tick of the digest keeps
     * its stamp: like git's "racily clean" entries, a digest with files that new must not be trusted later.
     */
    public boolean modifiedSince(java.time.Instant instant) {
        long newest = newestModification.get();
        return newest != Long.MIN_VALUE && newest >= nanos(instant);
    }

    private static long nanos(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }


    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private void update(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
