package dev.runbook.smoke.env;

import java.util.List;
import java.util.Locale;

/**
 * The hosts an environment's checks may contact: exact names ({@code api.example.com}), wildcard
 * suffixes ({@code *.staging.example.com}, which matches any name below it but not the suffix itself),
 * each optionally limited to one port ({@code 127.0.0.1:47801}). An empty list allows nothing.
 */
public final class HostAllowlist {

    private record Entry(String host, boolean wildcard, int port) {
        boolean allows(String h, int p) {
            if (port >= 0 && port != p) {
                return false;
            }
            return wildcard ? h.endsWith("." + host) : h.equals(host);
        }
    }

    private final List<String> written;
    private final List<Entry> entries;

    public HostAllowlist(List<String> patterns) {
        this.written = List.copyOf(patterns);
        this.entries = patterns.stream().map(HostAllowlist::entry).toList();
    }

    private static Entry entry(String pattern) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        int port = -1;
        if (p.startsWith("[")) {
            int close = p.indexOf(']');
            if (close > 0 && p.length() > close + 2 && p.charAt(close + 1) == ':') {
                port = Integer.parseInt(p.substring(close + 2));
            }
            p = p.substring(1, close > 0 ? close : p.length());
        } else if (p.indexOf(':') == p.lastIndexOf(':') && p.indexOf(':') > 0) {
            int colon = p.indexOf(':');
            port = Integer.parseInt(p.substring(colon + 1));
            p = p.substring(0, colon);
        }
        boolean wildcard = p.startsWith("*.");
        return new Entry(wildcard ? p.substring(2) : p, wildcard, port);
    }

    /** Whether a connection to {@code host} on {@code port} is allowed. */
    public boolean allows(String host, int port) {
        String h = normalise(host);
        return entries.stream().anyMatch(e -> e.allows(h, port));
    }

    /** Whether the host is allowed on some port (for DNS look-ups, which have none). */
    public boolean allowsHost(String host) {
        String h = normalise(host);
        return entries.stream().anyMatch(e -> e.wildcard() ? h.endsWith("." + e.host()) : h.equals(e.host()));
    }

    public List<String> patterns() {
        return written;
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Validates a pattern for the environments loader; returns a problem or null. */
    static String problemWith(String pattern) {
        try {
            Entry e = entry(pattern);
            if (e.host().isEmpty() || e.host().contains("*") || e.host().contains("/")) {
                return "'" + pattern + "' is not a host, *.suffix or host:port";
            }
            return null;
        } catch (RuntimeException ex) {
            return "'" + pattern + "' is not a host, *.suffix or host:port";
        }
    }
}
