package dev.runbook.site.view;

/** One line of a page's table of contents. */
public record TocEntry(String id, String text, int level) {
}
