package dev.runbook.site.search;

import dev.runbook.core.PageCacheFile;
import dev.runbook.core.RunLog;
import dev.runbook.load.PageModelCache;
import dev.runbook.model.Runbook;
import dev.runbook.status.RunbookStatus;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The site's page cache of search data: for each page, what the index makes of its text alone, keyed by the
 * SHA-256 of that text: its sections as the JSON of its text record and its term counts per field
 * ({@link IndexedPage}), so that the index of a site where one page changed reads and tokenizes one page, not
 * thousands. The term counts also depend on a few facts that are not the text (the title may come from the
 * file name, the alert name does): an entry records them and counts only while they are the same. URL and
 * status are added fresh on every build. Any doubt (other plugin build, damaged file, undecodable entry) is a
 * miss: the page is read from its AST again.
 */
public final class SearchSectionsCache {

    static final String FORMAT = "search-pages-3";

    private final Path file;
    private final String key;
    private final int maxSectionChars;
    private final RunLog log;
    private final Map<String, PageCacheFile.Entry> before;
    private final Map<String, PageCacheFile.Entry> now = new ConcurrentHashMap<>();
    private final AtomicInteger misses = new AtomicInteger();

    private SearchSectionsCache(Path file, String key, int maxSectionChars, RunLog log,
                                Map<String, PageCacheFile.Entry> before) {
        this.file = file;
        this.key = key;
        this.maxSectionChars = maxSectionChars;
        this.log = log;
        this.before = before;
    }

    /**
     * The cache in {@code file}, or an empty one when {@code file} is null (nothing is written then), for an
     * index written with the default limits.
     */
    public static SearchSectionsCache open(Path file, String pluginVersion, RunLog log) {
        int maxSectionChars = SearchIndexWriter.Limits.DEFAULT.maxSectionChars();
        String key = PageModelCache.codeKey(pluginVersion) + "/" + FORMAT + "/" + maxSectionChars;
        return new SearchSectionsCache(file, key, maxSectionChars, log,
                file == null ? Map.of() : PageCacheFile.read(file, FORMAT, key, log));
    }

    /**
     * The runbook as the index takes it: from the cache when its text and facts are unchanged, else read from
     * its AST, tokenized and remembered.
     *
     * @param textHash the SHA-256 of its text's UTF-8 bytes ({@link PageCacheFile#sha256}), which the caller has
     *                 already made for its own use
     * @param pageUrl  the page's path relative to the site root (see {@link SearchDocuments#from})
     * @param status   its status, or null
     */
    public IndexedPage page(Runbook runbook, String textHash, String pageUrl, RunbookStatus status) {
        String path = runbook.relativePath();
        String hash = textHash;
        PageCacheFile.Entry entry = before.get(path);
        if (entry != null && entry.inputHash().equals(hash)) {
            // The facts without the sections: the cached entry stands in for them.
            SearchDocument facts = SearchDocuments.from(runbook, pageUrl, status, List.of());
            try {
                IndexedPage page = decode(entry.payload(), facts);
                if (page != null) {
                    now.put(path, entry);
                    return page;
                }
            } catch (IOException | RuntimeException e) {
                log.debug("runbook: site: search cache entry of " + path + " unreadable, reading the page: " + e);
            }
        }
        misses.incrementAndGet();
        SearchDocument doc = SearchDocuments.from(runbook, pageUrl, status, SearchDocuments.sections(runbook));
        IndexedPage page = IndexedPage.of(doc, maxSectionChars);
        try {
            byte[] payload = PageCacheFile.encode(out -> {
                PageCacheFile.writeString(out, IndexedPage.factsKey(doc));
                PageCacheFile.writeString(out, page.sectionsJson);
                page.terms.writeTo(out);
            });
            now.put(path, new PageCacheFile.Entry(hash, payload));
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: site: search cache cannot hold " + path + ": " + e);
        }
        return page;
    }

    /** The cached page, or null when it was made for other facts. */
    private static IndexedPage decode(byte[] payload, SearchDocument facts) throws IOException {
        DataInputStream in = PageCacheFile.decoder(payload);
        String factsKey = PageCacheFile.readString(in);
        if (!IndexedPage.factsKey(facts).equals(factsKey)) {
            return null;
        }
        String sectionsJson = PageCacheFile.readString(in);
        if (sectionsJson == null) {
            throw new IOException("no sections");
        }
        InvertedIndex.TermCounts terms = InvertedIndex.TermCounts.readFrom(in);
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new IndexedPage(facts, sectionsJson, terms);
    }

    /** Pages whose search text was read from their AST in this build. */
    public int misses() {
        return misses.get();
    }

    /** Writes the entries of this build's pages when they differ from the file read; a failure is only logged. */
    public void save() {
        PageCacheFile.saveIfChanged(file, FORMAT, key, before, now, log, "site: search cache");
    }
}
