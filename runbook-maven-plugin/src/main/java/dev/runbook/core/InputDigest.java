package dev.runbook.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Input folders (content, templates) are taken by their file list with each file's <em>content</em>
 * (SHA-256): what the loader will read, not what the file system says about it. Modification times,
 * inodes and change times all have ways to lie (an edit within one tick of the kernel's coarse clock, a
 * {@code touch -r}, a copy that keeps stamps, a bind mount or a symbolic link whose target's folder stamp
 * does not move), and a false "up to date" passes a broken runbook; hashing costs a read of bytes the
 * parse would read anyway, a fraction of parsing them. A folder the build wrote itself (the published
 * site) is taken by stamps ({@link #stamps}). Large single files (the plugin's jar) are taken by stamp,
 * small ones (smoke results, findings, a baseline) by content.
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
     * Adds a folder's files below {@code root}: relative path, size and SHA-256 of each, in sorted order,
     * walked from the folder's real path (see {@link #walk}). Version-control folders and {@code node_modules}
     * are left out (they change with every {@code git status} and nothing is published from them); other
     * hidden folders count, as a runbook may link an attachment inside one. A missing folder is its own
     * value; a file that cannot be read makes the digest unique, so nothing is ever wrongly up to date.
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
    public record Tree(String hex, long newestModification, java.util.Map<String, FileBytes> files) {

        /** A tree that kept no file's bytes. */
        public Tree(String hex, long newestModification) {
            this(hex, newestModification, new java.util.concurrent.ConcurrentHashMap<>());
        }

        /**
         * The bytes the walk read for this path (relative to the folder's real path, names joined by '/'), handed
         * over once: the tree lets go of them, so a loader that takes every file holds each page's bytes once.
         * Null when the walk kept none for it (not selected, too large, unreadable, or already taken).
         */
        public FileBytes take(String relative) {
            return files.remove(relative);
        }

        /** Whether a file of the folder was modified at or after {@code instant} (see {@link #modifiedSince}). */
        public boolean modifiedSince(java.time.Instant instant) {
            return newestModification != Long.MIN_VALUE && newestModification >= nanos(instant);
        }
    }

    /** Walks a folder once into a {@link Tree} of its files' contents; a missing folder is its own value. */
    public static Tree tree(Path root) throws IOException {
        return tree(root, relative -> false, 0);
    }

    /**
     * The same, keeping the bytes and SHA-256 of the files {@code keep} selects (by path relative to the
     * folder's real path) and that are at most {@code maxBytes} long, for {@link Tree#take}: a loader that
     * reads those files after the digest uses the very bytes the digest hashed instead of reading and
     * hashing them again. The digest is the same whichever files are kept.
     */
    public static Tree tree(Path root, java.util.function.Predicate<String> keep, long maxBytes) throws IOException {
        InputDigest digest = new InputDigest();
        java.util.Map<String, FileBytes> files = new java.util.concurrent.ConcurrentHashMap<>();
        digest.walk(root, true, keep, maxBytes, files);
        return new Tree(digest.hex(), digest.newestModification.get(), files);
    }

    /** A file's bytes as a walk read them, and their SHA-256 as lower-case hex. */
    public record FileBytes(byte[] bytes, String sha256) {
    }

    /**
     * Walks a folder the build itself wrote (the published site) by its files' stamps: size, modification time
     * and file key. Cheap at 10,000 pages, and enough to notice a page deleted or edited by hand.
     */
    public static Tree stamps(Path root) throws IOException {
        InputDigest digest = new InputDigest();
        digest.walk(root, false, relative -> false, 0, new java.util.HashMap<>());
        return new Tree(digest.hex(), digest.newestModification.get());
    }

    /** One file or link of a walked folder, by its path relative to the folder's real path. */
    private record Entry(String relative, Path file, String fixed) {
    }

    /**
     * Walks from the folder's <em>real</em> path (a content folder that is a symbolic link is the folder it
     * leads to, and where it leads is part of the digest), following every link whose real path stays
     * inside that folder, as the loader and the site's attachment copy do. A link that leads outside, or
     * nowhere, is never followed (nothing is read through it) and counts by its text. Version-control folders
     * and {@code node_modules} are left out; a FIFO or socket counts by its kind and is never opened.
     */
    private void walk(Path root, boolean content, java.util.function.Predicate<String> keep, long maxBytes,
                      java.util.Map<String, FileBytes> kept) throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            update("\u0000absent");
            return;
        }
        Path real = root.toRealPath();
        update(real.toString());
        List<Entry> entries = new ArrayList<>();
        visit(real, real, "", entries, new java.util.HashSet<>(java.util.Set.of(real)));
        entries.sort(java.util.Comparator.comparing(Entry::relative));
        java.util.Map<Path, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<Path, FileBytes> read = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> described = (content ? entries.parallelStream() : entries.stream())
                .map(entry -> entry.relative() + "\u0000" + (entry.file() == null ? entry.fixed()
                        : !content ? stampOf(entry.file())
                        : keep.test(entry.relative()) ? keptContentOf(entry, maxBytes, read, kept, hashes)
                        : contentOf(entry.file(), hashes)))
                .toList();
        update(String.valueOf(described.size()));
        described.forEach(this::update);
    }

    private void visit(Path dir, Path realRoot, String prefix, List<Entry> entries, java.util.Set<Path> ancestors) {
        List<Path> children = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            entries.add(new Entry(prefix, null, "unreadable\u0000" + System.nanoTime()));
            return;
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            String relative = prefix + name;
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(child, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                entries.add(new Entry(relative, null, "unreadable\u0000" + System.nanoTime()));
                continue;
            }
            Path target = child;
            if (attrs.isSymbolicLink()) {
                String text = linkText(child);
                try {
                    target = child.toRealPath();
                } catch (IOException e) {
                    entries.add(new Entry(relative, null, "dangling link\u0000" + text));
                    continue;
                }
                if (!target.startsWith(realRoot)) {
                    entries.add(new Entry(relative, null, "link leaving the folder\u0000" + text));
                    continue;
                }
                entries.add(new Entry(relative + "\u0000link", null, text));
                try {
                    attrs = Files.readAttributes(target, BasicFileAttributes.class);
                } catch (IOException e) {
                    entries.add(new Entry(relative, null, "unreadable\u0000" + System.nanoTime()));
                    continue;
                }
            }
            if (attrs.isDirectory()) {
                if (SKIPPED_FOLDERS.contains(name)) {
                    continue;
                }
                Path realDir = target;
                try {
                    realDir = target.toRealPath();
                } catch (IOException e) {
                    // Listed below, where an unreadable folder gets its own unique entry.
                }
                if (!ancestors.add(realDir)) {
                    entries.add(new Entry(relative, null, "loop"));
                    continue;
                }
                entries.add(new Entry(relative + "/", null, "folder"));
                visit(child, realRoot, relative + "/", entries, ancestors);
                ancestors.remove(realDir);
            } else if (attrs.isRegularFile()) {
                newestModification.accumulateAndGet(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), Math::max);
                entries.add(new Entry(relative, target, null));
            } else {
                entries.add(new Entry(relative, null, attrs.isOther() ? "other" : "special"));
            }
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /**
     * {@link #contentOf}, for a file whose bytes the caller keeps: read whole (at most {@code maxBytes}, else
     * streamed as any other file), hashed, and kept under its relative path. The same "size, hash" text.
     */
    private static String keptContentOf(Entry entry, long maxBytes, java.util.Map<Path, FileBytes> read,
                                        java.util.Map<String, FileBytes> kept, java.util.Map<Path, String> hashes) {
        FileBytes bytes = read.computeIfAbsent(entry.file(), f -> {
            try {
                if (Files.size(f) > maxBytes) {
                    return null;
                }
                byte[] all = Files.readAllBytes(f);
                return all.length > maxBytes ? null
                        : new FileBytes(all, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)));
            } catch (IOException e) {
                return null;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        if (bytes == null) {
            return contentOf(entry.file(), hashes);
        }
        kept.put(entry.relative(), bytes);
        return bytes.bytes().length + "\u0000" + bytes.sha256();
    }

    /** A file's size and SHA-256 (each real file read once per walk, however many links lead to it). */
    private static String contentOf(Path file, java.util.Map<Path, String> hashes) {
        return hashes.computeIfAbsent(file, f -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = 0;
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                        size += n;
                    }
                }
                return size + "\u0000" + HexFormat.of().formatHex(sha.digest());
            } catch (IOException e) {
                return "unreadable\u0000" + System.nanoTime();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String stampOf(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return attrs.size() + "\u0000" + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\u0000" + attrs.fileKey();
        } catch (IOException e) {
            return "unreadable\u0000" + System.nanoTime();
        }
    }

    /** Adds a file by its size, modification time and file key (for large files such as the plugin's jar). */
    public InputDigest addFileStamp(String name, Path file) {
        update(name);
        update(file == null || !Files.exists(file) ? "\u0000absent" : stampOf(file));
        return this;
    }

    /** Adds a file by its content; a missing file is its own value. */
    public InputDigest addFileContent(String name, Path file) throws IOException {
        return addFileContent(name, file, () -> false);
    }

    /**
     * The same, giving up (with {@link java.util.concurrent.CancellationException}) as soon as {@code stop}
     * says the digest is no longer wanted: a digest taken on another thread "in case" stops using a core.
     */
    public InputDigest addFileContent(String name, Path file, java.util.function.BooleanSupplier stop) throws IOException {
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
                if (stop.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("digest of " + file + " no longer wanted");
                }
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

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private void update(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
