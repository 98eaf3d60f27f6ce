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
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.writeTo(out);
            }
            moveReplacing(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A fresh, empty directory beside {@code target} in which to build its next version. */
    public static Path stagingDirectoryFor(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        recoverInterruptedSwap(absolute);
        Path staging = absolute.resolveSibling(absolute.getFileName() + ".staging-" + UUID.randomUUID());
        Files.createDirectories(staging);
        return staging;
    }

    /**
     * Puts a fully built {@code staging} directory in place of {@code target}. Between the two renames a
     * crash leaves {@code target.previous} behind; {@link #recoverInterruptedSwap} restores it next time.
     */
    public static void swapIn(Path staging, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path previous = absolute.resolveSibling(absolute.getFileName() + ".previous");
        deleteRecursively(previous);
        if (Files.exists(absolute)) {
            Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(previous);
    }

    /** Restores the last complete output if a swap was cut short, and clears abandoned staging folders. */
    public static void recoverInterruptedSwap(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path previous = absolute.resolveSibling(absolute.getFileName() + ".previous");
        if (!Files.exists(absolute) && Files.isDirectory(previous)) {
            Files.move(previous, absolute, StandardCopyOption.ATOMIC_MOVE);
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
