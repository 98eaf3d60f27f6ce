package dev.runbook.site.search;

import dev.runbook.model.Runbook;

/**
 * PLACEHOLDER owned by the search engineer: replaced by the real class when the search branch is merged.
 * The site builder calls exactly {@code SearchDocuments.from(runbook, pageUrl)}.
 */
public final class SearchDocuments {

    private SearchDocuments() {
    }

    public static SearchDocument from(Runbook runbook, String pageUrl) {
        return new SearchDocument(pageUrl, runbook.title());
    }
}
