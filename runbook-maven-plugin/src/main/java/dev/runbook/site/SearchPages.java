package dev.runbook.site;

import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;
import dev.runbook.site.search.IndexedPage;
import dev.runbook.site.search.SearchSectionsCache;
import dev.runbook.status.RunbookStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each runbook as the search index takes it, made once: beside its page while the page's AST is in memory
 * ({@link #make}), or, for a page not rendered in this build, when the index asks ({@link #of}). Either way the
 * AST is let go once its page is made, the index being its last reader.
 */
final class SearchPages {

    private final SearchSectionsCache cache;
    private final Map<Runbook, RunbookStatus> statuses;
    private final Map<Runbook, String> textHashes;
    private final SiteLayout layout;
    private final Map<String, IndexedPage> made = new ConcurrentHashMap<>();

    /** @param textHashes each runbook's content hash; read, never written, from several threads */
    SearchPages(SearchSectionsCache cache, Map<Runbook, RunbookStatus> statuses, Map<Runbook, String> textHashes,
                SiteLayout layout) {
        this.cache = cache;
        this.statuses = statuses;
        this.textHashes = textHashes;
        this.layout = layout;
    }

    /** Makes the runbook's search page now, for {@link #of} to return. */
    void make(Runbook runbook) {
        made.put(runbook.relativePath(), page(runbook));
    }

    /** The runbook's search page: the one {@link #make} made, else made now. */
    IndexedPage of(Runbook runbook) {
        IndexedPage page = made.get(runbook.relativePath());
        if (page == null) {
            page = page(runbook);
            runbook.parsed().release();
        }
        return page;
    }

    SearchSectionsCache cache() {
        return cache;
    }

    private IndexedPage page(Runbook runbook) {
        // The page path as it is, not percent-encoded: search.js encodes it once when it makes the link.
        return cache.page(runbook, textHashes.get(runbook), layout.pageOf(runbook.relativePath()), statuses.get(runbook));
    }
}
