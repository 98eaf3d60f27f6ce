package dev.runbook.site.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * One page as the index writer takes it: what a {@link SearchDocument} gives the index, with the two costly
 * parts already made: its sections as the JSON of the text record ({@code [[anchor, heading, text], …]}, text
 * cut for excerpts) and its term counts. Both depend on the page's text and facts alone, so
 * {@link SearchSectionsCache} keeps them per page and a build after a one-page edit tokenizes one page.
 * Made by {@link #of} or by the cache; read only by {@link SearchIndexWriter}.
 */
public final class IndexedPage {

    /** The writer's JSON settings: ASCII only (every non-ASCII character escaped), no spaces. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    final String url;
    final String title;
    final String description;
    final List<String> services;
    final List<String> tags;
    final String severity;
    final String status;
    final boolean overdue;
    final String sectionsJson;
    final InvertedIndex.TermCounts terms;

    IndexedPage(SearchDocument doc, String sectionsJson, InvertedIndex.TermCounts terms) {
        this.url = doc.url();
        this.title = doc.title();
        this.description = doc.description();
        this.services = doc.services();
        this.tags = doc.tags();
        this.severity = doc.severity();
        this.status = doc.status();
        this.overdue = doc.overdue();
        this.sectionsJson = sectionsJson;
        this.terms = terms;
    }

    /** Tokenizes the document and serializes its sections, sections cut at {@code maxSectionChars}. */
    public static IndexedPage of(SearchDocument doc, int maxSectionChars) {
        return new IndexedPage(doc, sectionsJson(doc.sections(), maxSectionChars), InvertedIndex.termCounts(doc));
    }

    static String sectionsJson(List<SearchDocument.Section> sections, int maxSectionChars) {
        return toJson(sections.stream()
                .map(s -> List.of(s.anchor(), s.heading(), SearchIndexWriter.cut(s.text(), maxSectionChars)))
                .toList());
    }

    /**
     * What the term counts depend on besides the sections (which follow from the page's text): a cached page
     * whose text is unchanged but whose facts are not (a title taken from a renamed file) is counted again.
     */
    static String factsKey(SearchDocument doc) {
        // Built by hand: as a Jackson list, 10,000 of them were a third of reading the cached pages after a
        // one-page edit.
        return new dev.runbook.core.KeyBuilder(128).add(doc.title()).add(doc.description()).add(doc.services())
                .add(doc.tags()).add(doc.severity()).add(doc.alert()).toString();
    }

    static String toJson(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
