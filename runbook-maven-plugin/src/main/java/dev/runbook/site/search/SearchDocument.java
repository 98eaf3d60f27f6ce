package dev.runbook.site.search;

import java.util.List;

/**
 * What the search index knows about one page. Built by {@link SearchDocuments#from}; text is plain
 * (no markup) and NFKC-normalized, ready to be tokenized and shown as an excerpt.
 *
 * @param url         page path relative to the site root, e.g. {@code payments/refund-backlog.html}
 * @param severity    {@code P0}..{@code P4}, or null when the runbook has none
 * @param sections    in page order; the first is the intro (anchor {@code ""}) when the page has text
 *                    before its first H2
 * @param alert       the alert the page is the runbook of, when its file is named after one
 *                    ({@code KubeletDown.md}), else {@code ""}
 * @param status      the status badge's key ({@code verified}, {@code failing}, {@code unverified}), or null
 *                    when the site has no status for it
 * @param overdue     whether its review is overdue
 */
public record SearchDocument(
        String url,
        String title,
        String description,
        List<String> services,
        List<String> tags,
        String severity,
        List<Section> sections,
        String alert,
        String status,
        boolean overdue) {

    /** A page with no alert name and no status. */
    public SearchDocument(String url, String title, String description, List<String> services, List<String> tags,
                          String severity, List<Section> sections) {
        this(url, title, description, services, tags, severity, sections, "", null, false);
    }

    public SearchDocument {
        description = description == null ? "" : description;
        alert = alert == null ? "" : alert;
        services = List.copyOf(services);
        tags = List.copyOf(tags);
        sections = List.copyOf(sections);
    }

    /**
     * One part of a page, from one heading (H2 or deeper) to the next.
     *
     * @param anchor  the heading's id, or {@code ""} for the intro before the first H2
     * @param heading the heading's text, {@code ""} for the intro
     * @param text    the plain text of the body: paragraphs, list items, table cells, code
     */
    public record Section(String anchor, String heading, String text) {
    }
}
