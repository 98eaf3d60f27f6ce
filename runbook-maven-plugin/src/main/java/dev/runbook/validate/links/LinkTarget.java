package dev.runbook.validate.links;

import dev.runbook.model.Link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A local link destination split into its path and fragment, both percent-decoded. {@code path} is
 * empty for a same-page link ({@code #x}); {@code fragment} is null when there is no {@code #}.
 */
public record LinkTarget(String path, String fragment) {

    /** The local target of a link, or empty for links with a scheme (http:, mailto:, …) or protocol-relative ones. */
    public static Optional<LinkTarget> of(Link link) {
        return of(link.destination(), link.hasScheme());
    }

    public static Optional<LinkTarget> of(String destination, boolean hasScheme) {
        if (hasScheme || destination.startsWith("//")) {
            return Optional.empty();
        }
        String d = destination;
        String fragment = null;
        int hash = d.indexOf('#');
        if (hash >= 0) {
            fragment = decode(d.substring(hash + 1));
            d = d.substring(0, hash);
        }
        int query = d.indexOf('?');
        if (query >= 0) {
            d = d.substring(0, query);
        }
        return Optional.of(new LinkTarget(decode(d), fragment));
    }

    public boolean samePage() {
        return path.isEmpty();
    }

    /** Percent-decoding that leaves '+' alone (it is a literal plus in a path or fragment, not a space). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
