package dev.runbook.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every regular file under a folder, by its '/'-separated path relative to the folder: to compare two builds' outputs. */
public final class FileTree {
    private FileTree() {
    }

    public static Map<String, byte[]> bytes(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** The same as text that keeps every byte (ISO-8859-1), so that two snapshots compare with {@code equals}. */
    public static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        bytes(root).forEach((name, content) -> files.put(name, new String(content, StandardCharsets.ISO_8859_1)));
        return files;
    }
}
