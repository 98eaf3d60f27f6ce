package dev.runbook.validate;

import java.util.Locale;

/**
 * How relative links between pages are read ({@code runbook.links.style}).
 * <ul>
 *   <li>{@link #SITE} (default): as the generated site and most static-site generators serve them;
 *       {@code page} and {@code page.html} mean {@code page.md} (or {@code page.html.md.erb}), a folder its
 *       {@code index.md}/{@code _index.md}/{@code README.md}.</li>
 *   <li>{@link #GITHUB}: exactly what GitHub's file view opens: the file name as written, so
 *       {@code page#step} (no {@code .md}) is a 404 there and is reported.</li>
 * </ul>
 * In both, a leading {@code /} is read from the content folder.
 */
public enum LinkStyle {
    SITE, GITHUB;

    /** {@code site} or {@code github}, case-insensitive. */
    public static LinkStyle parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "site" -> SITE;
            case "github" -> GITHUB;
            default -> throw new IllegalArgumentException("'" + value + "' is not a link style; write site or github");
        };
    }
}
