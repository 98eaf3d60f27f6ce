package dev.runbook.model;

/**
 * A link or image destination as written in the Markdown (reference links resolved to their
 * definition's URL). {@code position} points at the destination itself where the source has one.
 */
public record Link(String destination, String text, boolean image, SourcePosition position) {

    public boolean isExternal() {
        String d = destination.toLowerCase(java.util.Locale.ROOT);
        return d.startsWith("http://") || d.startsWith("https://");
    }

    /** Has a URI scheme (http:, mailto:, javascript:, …): not a path in the content folder. */
    public boolean hasScheme() {
        return destination.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*") && !destination.matches("(?s)^[A-Za-z]:[\\\\/].*");
    }
}
