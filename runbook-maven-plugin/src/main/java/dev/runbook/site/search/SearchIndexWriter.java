package dev.runbook.site.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * PLACEHOLDER owned by the search engineer: replaced by the real class when the search branch is merged.
 * Writes nothing; the real one writes {@code search/*.js} under the site root.
 */
public final class SearchIndexWriter {

    public void write(List<SearchDocument> docs, Path siteRoot) throws IOException {
        // Intentionally empty until the search branch is merged.
    }
}
