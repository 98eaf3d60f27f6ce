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
 * @param pages      content path -> hash of everything its page depends on, and the page path
 * @param generated  every other file the build wrote (index, tags, status, 404, redirects, attachments)
 * @param siteWide   hash of everything the site-wide pages (index, status, tags, alerts, 404, redirects) show
 * @param siteWideFiles those pages as written, in writing order, each with the SHA-256 of its bytes: an edit
 *                   that changes none of what they show keeps them, once their bytes are checked
 */
public record BuildState(int format, String global, Map<String, PageState> pages, List<String> generated,
                         String siteWide, List<FileHash> siteWideFiles, String generation) {

    static final int FORMAT = 3;

    /**
     * The file inside the published site that names the generation of the manifest describing it. The
     * manifest lives beside the site ({@code target/}), so the two cannot change in one rename; it is written
     * (fsynced) before the swap, and trusted only when the site holds the same generation: a kill at any
     * instant leaves either a matching pair or a mismatch, which means a full rebuild.
     */
    public static final String GENERATION_FILE = ".runbook-generation";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public record PageState(String hash, String page) {
    }

    /** A file of the site by its path relative to the site root, and the SHA-256 (hex) of its bytes. */
    public record FileHash(String path, String sha256) {
    }

    public BuildState {
        pages = pages == null ? Map.of() : new TreeMap<>(pages);
        generated = generated == null ? List.of() : List.copyOf(generated);
        siteWideFiles = siteWideFiles == null ? List.of() : List.copyOf(siteWideFiles);
    }

    /** A manifest of this build; its generation is a hash of what it says, so equal builds are byte-identical. */
    static BuildState of(String global, Map<String, PageState> pages, List<String> generated, String siteWide,
                         List<FileHash> siteWideFiles) {
        TreeMap<String, PageState> sorted = new TreeMap<>(pages);
        return new BuildState(FORMAT, global, sorted, generated, siteWide, siteWideFiles,
                Hashes.of(global, sorted.toString(), generated.toString(), siteWide, siteWideFiles.toString()));
    }

    /**
     * Whether the site-wide pages this manifest names stand in {@code site} with the bytes it recorded (a page
     * edited or deleted by hand in the published site is written again), so that a build whose site-wide
     * hash equals {@link #siteWide} may keep them.
     */
    boolean siteWideFilesIntact(Path site) {
        if (siteWideFiles.isEmpty()) {
            return false;
        }
        for (FileHash file : siteWideFiles) {
            Path path = site.resolve(file.path()).normalize();
            try {
                if (!path.startsWith(site) || !Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !file.sha256().equals(dev.runbook.core.PageCacheFile.sha256(Files.readAllBytes(path)))) {
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** The manifest, when the published site in {@code output} is the one it describes; null means a full build. */
    static BuildState readMatching(Path file, Path output) {
        BuildState state = read(file);
        if (state == null || state.generation() == null) {
            return null;
        }
        try {
            Path marker = output.resolve(GENERATION_FILE);
            return Files.isRegularFile(marker) && state.generation().equals(Files.readString(marker).strip()) ? state : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
        AtomicFiles.writeDurably(file, out -> JSON.writeValue(out, this));
    }
}
