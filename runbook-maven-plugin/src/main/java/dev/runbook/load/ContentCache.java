package dev.runbook.load;

import dev.runbook.core.InputDigest;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded runbooks of a content folder, kept in this JVM for the next goal that asks for the same
 * folder unchanged. A build that binds {@code validate}, {@code smoke}, {@code report} and {@code site}
 * loads the folder once instead of four times: at 10,000 runbooks each load is several seconds.
 *
 * <p>"Unchanged" is the folder's {@link InputDigest} (file list and contents, through its links), taken
 * before loading. A folder with a file modified within {@link InputDigest#RACY_WINDOW} of the digest is
 * never kept, since a same-size rewrite within one tick of the kernel's clock would keep its stamp. The
 * loaded model is never changed after loading, so goals can share it. Kept through a soft reference:
 * under memory pressure the collector takes it back and the next goal loads again.
 */
public final class ContentCache {

    private record Entry(String digest, long maxFileBytes, LoadOptions options, SoftReference<LoadedContent> content) {
    }

    private static final Map<Path, Entry> ENTRIES = new ConcurrentHashMap<>();

    private ContentCache() {
    }

    /** The runbooks of {@code contentRoot}: the kept ones when nothing changed, else freshly loaded. */
    public static LoadedContent load(Path contentRoot, long maxFileBytes, RunLog log) throws SetupException {
        return load(contentRoot, LoadOptions.DEFAULTS, maxFileBytes, log);
    }

    /** The runbooks these options select in {@code contentRoot}: the kept ones when nothing changed, else freshly loaded. */
    public static LoadedContent load(Path contentRoot, LoadOptions options, long maxFileBytes, RunLog log) throws SetupException {
        return load(contentRoot, options, maxFileBytes, log, PageCache.NONE);
    }

    /** The same, taking unchanged files' models from (and writing parsed ones to) a page cache on disk. */
    public static LoadedContent load(Path contentRoot, LoadOptions options, long maxFileBytes, RunLog log,
                                     PageCache pageCache) throws SetupException {
        Instant started = Instant.now();
        InputDigest.Tree tree;
        try {
            // The runbooks' bytes are kept for the loader, which then neither reads nor hashes them again.
            tree = InputDigest.tree(contentRoot.toAbsolutePath().normalize(), options::selects, maxFileBytes);
        } catch (IOException e) {
            return pageCache.loader(maxFileBytes, log, options).load(contentRoot);
        }
        return load(contentRoot, options, maxFileBytes, log, tree, started, pageCache);
    }

    /**
     * Where the loader's page cache lives ({@code OutputLayout.pageModelCache()}) and the plugin version that
     * made it; {@link #NONE}: no cache on disk, every file is parsed.
     */
    public record PageCache(Path file, String pluginVersion) {

        public static final PageCache NONE = new PageCache(null, null);

        ContentLoader loader(long maxFileBytes, RunLog log, LoadOptions options) {
            return new ContentLoader(maxFileBytes, log, options,
                    file == null ? null : PageModelCache.open(file, pluginVersion, options, log));
        }
    }

    /**
     * The same, with the folder's digest already taken by the caller (for its own up-to-date check) at
     * {@code digestStart}: one walk of a big folder instead of two.
     */
    public static LoadedContent load(Path contentRoot, long maxFileBytes, RunLog log, InputDigest.Tree tree,
                                     Instant digestStart) throws SetupException {
        return load(contentRoot, LoadOptions.DEFAULTS, maxFileBytes, log, tree, digestStart);
    }

    /** The same, for the files these options select (a change of options is a change: the content is loaded again). */
    public static LoadedContent load(Path contentRoot, LoadOptions options, long maxFileBytes, RunLog log,
                                     InputDigest.Tree tree, Instant digestStart) throws SetupException {
        return load(contentRoot, options, maxFileBytes, log, tree, digestStart, PageCache.NONE);
    }

    /** The same, with a page cache on disk for the files whose bytes did not change. */
    public static LoadedContent load(Path contentRoot, LoadOptions options, long maxFileBytes, RunLog log,
                                     InputDigest.Tree tree, Instant digestStart, PageCache pageCache) throws SetupException {
        Path key = contentRoot.toAbsolutePath().normalize();
        String digest = tree.hex();
        Entry entry = ENTRIES.get(key);
        LoadedContent kept = entry == null ? null : entry.content().get();
        if (kept != null && entry.digest().equals(digest) && entry.maxFileBytes() == maxFileBytes
                && entry.options().equals(options)) {
            log.debug("runbook: reusing the " + kept.runbooks().size() + " runbooks loaded earlier in this build from " + key);
            return kept;
        }
        LoadedContent content = pageCache.loader(maxFileBytes, log, options).reading(tree).load(contentRoot);
        if (tree.modifiedSince(digestStart.minus(InputDigest.RACY_WINDOW))) {
            ENTRIES.remove(key);
        } else {
            ENTRIES.put(key, new Entry(digest, maxFileBytes, options, new SoftReference<>(content)));
        }
        return content;
    }
}
