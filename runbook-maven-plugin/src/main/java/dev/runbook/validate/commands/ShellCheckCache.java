package dev.runbook.validate.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ShellCheck said about each script text, kept between validate runs in
 * {@code target/runbook/shellcheck-cache.json}, so a run after editing one runbook sends ShellCheck only
 * the blocks it has not seen (ShellCheck takes a few milliseconds per block: at 10,000 distinct runbooks,
 * most of a cold validation). Keyed by the SHA-256 of the script text; the whole file is valid for one
 * key (the ShellCheck binary's path, size and modification time, the excluded codes, and the plugin's
 * jar, which fixes the command line). Only scripts whose batch succeeded are kept. The rule runs on the
 * changed pages only (validate's page cache keeps the other pages' findings), so a run keeps what it used
 * <em>and</em> what the file held: a later run over every page (the next day's, when the page cache is
 * keyed anew) still finds every unchanged block here. Past {@link #MAX_SCRIPTS} it keeps only what it
 * used, so the file stays bounded. A damaged or foreign file is ignored.
 */
final class ShellCheckCache {

    static final String FILE_NAME = "shellcheck-cache.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A comment as kept: the script's name is not part of it (names change from run to run). */
    record Kept(int line, int column, String level, int code, String message) {
        ShellCheckRunner.Comment in(String file) {
            return new ShellCheckRunner.Comment(file, line, column, level, code, message);
        }

        static Kept of(ShellCheckRunner.Comment comment) {
            return new Kept(comment.line(), comment.column(), comment.level(), comment.code(), comment.message());
        }
    }

    private final Path file;
    private final String key;
    private final Map<String, List<Kept>> before;
    private final Map<String, List<Kept>> now = new TreeMap<>();
    private boolean added;

    /** More distinct scripts than this and only those of the run are kept (about 100 bytes each). */
    static final int MAX_SCRIPTS = 200_000;

    private ShellCheckCache(Path file, String key, Map<String, List<Kept>> before) {
        this.file = file;
        this.key = key;
        this.before = before;
    }

    /** The cache in {@code folder} for this key; empty when there is none, it is damaged, or its key differs. */
    static ShellCheckCache open(Path folder, String key) {
        Path file = folder == null ? null : folder.resolve(FILE_NAME);
        Map<String, List<Kept>> kept = new HashMap<>();
        if (file != null && Files.isRegularFile(file)) {
            try {
                JsonNode root = JSON.readTree(file.toFile());
                if (root.path("format").asInt() == FORMAT && key.equals(root.path("key").asText())) {
                    root.path("scripts").fields().forEachRemaining(entry -> {
                        List<Kept> comments = new ArrayList<>();
                        for (JsonNode c : entry.getValue()) {
                            comments.add(new Kept(c.path("line").asInt(1), c.path("column").asInt(1),
                                    c.path("level").asText("warning"), c.path("code").asInt(), c.path("message").asText()));
                        }
                        kept.put(entry.getKey(), comments);
                    });
                }
            } catch (IOException | RuntimeException e) {
                kept.clear(); // whatever is wrong with it, the cure is to ask ShellCheck again
            }
        }
        return new ShellCheckCache(file, key, kept);
    }

    /** What ShellCheck said about this text in an earlier run, or null when it was not asked. */
    List<Kept> get(String text) {
        String hash = hash(text);
        List<Kept> comments = before.get(hash);
        if (comments != null) {
            now.put(hash, comments);
        }
        return comments;
    }

    /** What ShellCheck said about this text in this run. */
    void put(String text, List<Kept> comments) {
        now.put(hash(text), List.copyOf(comments));
        added = true;
    }

    /**
     * Writes the scripts this run used and those the file held (only this run's past {@link #MAX_SCRIPTS});
     * nothing when this run added nothing to a file it read. A cache that cannot be written is only a slower
     * next run.
     */
    void save() {
        if (file == null || (!added && !before.isEmpty())) {
            return;
        }
        Map<String, List<Kept>> kept = new TreeMap<>(now);
        if (before.size() + now.size() <= MAX_SCRIPTS) {
            before.forEach(kept::putIfAbsent);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("key", key);
        ObjectNode scripts = root.putObject("scripts");
        kept.forEach((hash, comments) -> {
            ArrayNode list = scripts.putArray(hash);
            for (Kept c : comments) {
                list.addObject().put("line", c.line()).put("column", c.column()).put("level", c.level())
                        .put("code", c.code()).put("message", c.message());
            }
        });
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, JSON.writeValueAsString(root));
        } catch (IOException e) {
            // The findings are complete without it.
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
