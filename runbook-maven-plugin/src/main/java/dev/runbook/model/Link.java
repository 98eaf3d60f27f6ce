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
        return SCHEME.matcher(destination).matches() && !WINDOWS_DRIVE.matcher(destination).matches();
    }

    // Compiled once: String.matches compiled both for every link of every page, in the loader, the
    // validator and the site alike.
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final java.util.regex.Pattern WINDOWS_DRIVE = java.util.regex.Pattern.compile("(?s)^[A-Za-z]:[\\\\/].*");
}
