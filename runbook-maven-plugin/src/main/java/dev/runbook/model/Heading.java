package dev.runbook.model;

/** A heading with the id the site gives it (GitHub slug, or an explicit {#id}). */
public record Heading(int level, String text, String id, boolean explicitId, SourcePosition position) {
}
