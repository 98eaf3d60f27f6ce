package dev.runbook.site.search;

import dev.runbook.core.PageCacheFile;
import dev.runbook.core.RunLog;
import dev.runbook.load.PageModelCache;
import dev.runbook.model.Runbook;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The site's page cache of search text: each page's sections ({@link SearchDocuments#sections}), keyed by the
 * SHA-256 of its text, so that the index of a site where one page changed reads one AST, not thousands. The
 * sections depend on the page's text and the plugin's code alone; front-matter, title, URL and status are
 * added fresh on every build. Any doubt (other plugin build, damaged file, undecodable entry) is a miss.
 */
public final class SearchSectionsCache {

    static final String FORMAT = "search-sections-1";

    private final Path file;
    private final String key;
    private final RunLog log;
    private final Map<String, PageCacheFile.Entry> before;
    private final Map<String, PageCacheFile.Entry> now = new ConcurrentHashMap<>();
    private final AtomicInteger misses = new AtomicInteger();

    private SearchSectionsCache(Path file, String key, RunLog log, Map<String, PageCacheFile.Entry> before) {
        this.file = file;
        this.key = key;
        this.log = log;
        this.before = before;
    }

    /** The cache in {@code file}, or an empty one when {@code file} is null (nothing is written then). */
    public static SearchSectionsCache open(Path file, String pluginVersion, RunLog log) {
        String key = PageModelCache.codeKey(pluginVersion) + "/" + FORMAT;
        return new SearchSectionsCache(file, key, log,
                file == null ? Map.of() : PageCacheFile.read(file, FORMAT, key, log));
    }

    /** The runbook's sections: cached when its text is unchanged, else read from its AST and remembered. */
    public List<SearchDocument.Section> sections(Runbook runbook) {
        String path = runbook.relativePath();
        String hash = PageCacheFile.sha256(runbook.source().text().getBytes(StandardCharsets.UTF_8));
        PageCacheFile.Entry entry = before.get(path);
        if (entry != null && entry.inputHash().equals(hash)) {
            try {
                List<SearchDocument.Section> sections = decode(entry.payload());
                now.put(path, entry);
                return sections;
            } catch (IOException | RuntimeException e) {
                log.debug("runbook: site: search cache entry of " + path + " unreadable, reading the page: " + e);
            }
        }
        misses.incrementAndGet();
        List<SearchDocument.Section> sections = SearchDocuments.sections(runbook);
        try {
            byte[] payload = PageCacheFile.encode(out -> {
                out.writeInt(sections.size());
                for (SearchDocument.Section s : sections) {
                    PageCacheFile.writeString(out, s.anchor());
                    PageCacheFile.writeString(out, s.heading());
                    PageCacheFile.writeString(out, s.text());
                }
            });
            now.put(path, new PageCacheFile.Entry(hash, payload));
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: site: search cache cannot hold " + path + ": " + e);
        }
        return sections;
    }

    private static List<SearchDocument.Section> decode(byte[] payload) throws IOException {
        DataInputStream in = PageCacheFile.decoder(payload);
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("bad section count " + size);
        }
        List<SearchDocument.Section> sections = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sections.add(new SearchDocument.Section(PageCacheFile.readString(in), PageCacheFile.readString(in),
                    PageCacheFile.readString(in)));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return sections;
    }

    /** Pages whose sections were read from their AST in this build. */
    public int misses() {
        return misses.get();
    }

    /** Writes the entries of this build's pages when they differ from the file read; a failure is only logged. */
    public void save() {
        PageCacheFile.saveIfChanged(file, FORMAT, key, before, now, log, "site: search cache");
    }
}
