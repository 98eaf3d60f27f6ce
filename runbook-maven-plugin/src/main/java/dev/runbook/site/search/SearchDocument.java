package dev.runbook.site.search;

/**
 * PLACEHOLDER owned by the search engineer: replaced by the real class when the search branch is merged.
 * Only the shape the site builder calls is here.
 */
public record SearchDocument(String url, String title) {
}
