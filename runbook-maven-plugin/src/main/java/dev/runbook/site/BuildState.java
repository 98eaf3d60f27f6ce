package dev.runbook.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.runbook.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incremental-build manifest ({@code target/runbook-site-state.json}): what the last build used. A
 * page whose hash is unchanged is carried over; a different {@code global} hash (plugin version, theme,
 * configuration, page layout) rebuilds everything. A missing or unreadable manifest means a full build.
 *
 * @param pages     content path -> hash of everything its page depends on, and the page path
 * @param generated every other file the build wrote (index, tags, status, 404, redirects, attachments)
 */
public record BuildState(int format, String global, Map<String, PageState> pages, List<String> generated) {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public record PageState(String hash, String page) {
    }

    public BuildState {
        pages = pages == null ? Map.of() : new TreeMap<>(pages);
        generated = generated == null ? List.of() : List.copyOf(generated);
    }

    static BuildState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            BuildState state = JSON.readValue(file.toFile(), BuildState.class);
            return state != null && state.format() == FORMAT && state.global() != null ? state : null;
        } catch (IOException | RuntimeException e) { // Whatever is wrong with it, the cure is a full build.
            return null;
        }
    }

    void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }
}
