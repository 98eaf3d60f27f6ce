package dev.runbook.site.view;

/** A tag and its page, relative to the site root. */
public record TagLink(String name, String url) {
}
