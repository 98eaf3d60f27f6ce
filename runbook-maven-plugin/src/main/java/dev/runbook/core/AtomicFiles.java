package dev.runbook.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Output is never half-written: a file is written beside its target and moved over it; a directory is
 * built beside its target and swapped in. A process killed mid-way leaves the previous output intact.
 */
public final class AtomicFiles {

    /** Writes one file's bytes. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, false);
    }

    /**
     * Like {@link #write}, and the bytes and the rename reach the disk before it returns (fsync of the file
     * and of its folder), for the small files that say what a published output holds: after a power cut
     * the claim is never newer than the output it describes.
     */
    public static void writeDurably(Path target, Writer writer) throws IOException {
        write(target, writer, true);
    }

    private static void write(Path target, Writer writer, boolean durable) throws IOException {
        Path temp = temporaryFor(target);
        try {
            writeTemporary(temp, writer, durable);
            moveReplacing(temp, target);
            if (durable) {
                syncFolder(target.toAbsolutePath().getParent());
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A fresh name beside {@code target} for its next version ({@code .name.<uuid>.tmp}); its folder exists. */
    public static Path temporaryFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /** Writes {@code temp} whole; with {@code durable}, its bytes are on disk when this returns. */
    public static void writeTemporary(Path temp, Writer writer, boolean durable) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temp,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            // Writers (Jackson, Properties) may close the stream they are given; the channel must stay open to force it.
            writer.writeTo(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            if (durable) {
                channel.force(true);
            }
        }
    }

    /** fsync of a folder, so a rename in it survives a power cut; a no-op where the platform cannot. */
    public static void syncFolder(Path dir) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; its renames are journaled by NTFS.
        }
    }

    /**
     * Deletes what a killed {@link #write} of {@code target} left beside it ({@code .name.<uuid>.tmp}). Call at
     * the start of a run that writes {@code target}, never while another run may be writing it.
     */
    public static void removeLeftoverTemporaries(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (var siblings = Files.list(dir)) {
            for (Path sibling : (Iterable<Path>) siblings::iterator) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    /** Moves a finished temporary over its target, atomically where the file system can. */
    public static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A fresh, empty directory beside {@code target} in which to build its next version. */
    public static Path stagingDirectoryFor(Path target) throws IOException {
        return stagingDirectoryFor(target, null);
    }

    /**
     * A directory beside {@code target} in which to build its next version: {@code recycled} moved there when it
     * is a directory (not a link to one) that can be moved there in one rename, else a fresh, empty one (and
     * {@code recycled} is deleted). The caller makes a recycled folder's contents what it needs; a build killed
     * after the move leaves an ordinary staging folder, which the next {@link #recoverInterruptedSwap} removes.
     */
    public static Path stagingDirectoryFor(Path target, Path recycled) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        recoverInterruptedSwap(absolute);
        Path staging = absolute.resolveSibling(absolute.getFileName() + ".staging-" + UUID.randomUUID());
        if (recycled != null && Files.isDirectory(recycled, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(recycled, staging, StandardCopyOption.ATOMIC_MOVE);
                return staging;
            } catch (IOException e) {
                deleteRecursively(recycled); // another file system, or in the way: start empty
            }
        } else if (recycled != null) {
            Files.deleteIfExists(recycled); // a file or link where the folder would be: never followed
        }
        Files.createDirectories(staging);
        return staging;
    }

    /**
     * Puts a fully built {@code staging} directory in place of {@code target}. Between the two renames a
     * crash leaves {@code target.previous} behind; {@link #recoverInterruptedSwap} restores it next time.
     */
    public static void swapIn(Path staging, Path target) throws IOException {
        swapIn(staging, target, null);
    }

    /**
     * {@link #swapIn(Path, Path)}, keeping the replaced version at {@code keepReplacedAt} (moved there in one
     * rename, for {@link #stagingDirectoryFor(Path, Path)} to recycle) instead of deleting it; deleted after all
     * when it cannot be moved there. Null deletes it.
     */
    public static void swapIn(Path staging, Path target, Path keepReplacedAt) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path previous = absolute.resolveSibling(absolute.getFileName() + ".previous");
        deleteRecursively(previous);
        if (Files.exists(absolute)) {
            Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        CrashPoint.reached("swap.moved-aside");
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(absolute.getParent());
        CrashPoint.reached("swap.moved-in");
        if (keepReplacedAt != null && Files.isDirectory(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                deleteRecursively(keepReplacedAt);
                Files.move(previous, keepReplacedAt, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException e) {
                // Another file system: nothing to recycle, the old version goes as it always did.
            }
        }
        deleteRecursively(previous);
    }

    /**
     * Restores the last complete output if a swap was cut short between its renames, removes the previous
     * output a swap killed just after its second rename left behind, and clears abandoned staging folders.
     */
    public static void recoverInterruptedSwap(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path previous = absolute.resolveSibling(absolute.getFileName() + ".previous");
        if (!Files.exists(absolute) && Files.isDirectory(previous)) {
            Files.move(previous, absolute, StandardCopyOption.ATOMIC_MOVE);
        } else if (Files.exists(absolute)) {
            deleteRecursively(previous); // killed after the new output was in place: the old one is garbage
        }
        Path parent = absolute.getParent();
        if (Files.isDirectory(parent)) {
            String prefix = absolute.getFileName() + ".staging-";
            try (var siblings = Files.list(parent)) {
                for (Path sibling : (Iterable<Path>) siblings::iterator) {
                    if (sibling.getFileName().toString().startsWith(prefix)) {
                        deleteRecursively(sibling);
                    }
                }
            }
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                try {
                    Files.delete(dir);
                } catch (DirectoryNotEmptyException e) {
                    deleteRecursively(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
