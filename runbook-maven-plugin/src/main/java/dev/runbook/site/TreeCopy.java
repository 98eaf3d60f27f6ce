package dev.runbook.site;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Carries the previous site into the staging folder of an incremental build. Hard links cost one
 * directory entry per file, whatever its size; where the file system refuses them it copies instead.
 * Safe because nothing writes into a file in place: every write goes to a new file that is moved over.
 */
final class TreeCopy {

    private TreeCopy() {
    }

    /** Mirrors {@code from} into {@code to}; returns the number of files carried over. */
    static int linkOrCopy(Path from, Path to) throws IOException {
        int[] count = {0};
        boolean[] linksWork = {true};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE; // the site has only files and folders: a planted link is not carried
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (linksWork[0]) {
                    try {
                        Files.createLink(target, file);
                        count[0]++;
                        return FileVisitResult.CONTINUE;
                    } catch (UnsupportedOperationException | FileSystemException e) {
                        linksWork[0] = false;
                    }
                }
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                count[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }
}
