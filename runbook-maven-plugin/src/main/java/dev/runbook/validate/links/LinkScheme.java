package dev.runbook.validate.links;

import dev.runbook.core.Closest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a link's scheme, if anything: a misspelt web scheme ({@code hhttps://}, {@code ttps://},
 * {@code htps://}), a web scheme that lost its colon or a slash ({@code http//host}, {@code https:/host}),
 * or a scheme no browser or common tool opens ({@code localhost:8080/x}, {@code grafana:dash}). Shared by
 * {@code link.scheme}, which reports it, and {@code link.file}, which leaves such links alone: they are a
 * scheme mistake, not a missing file.
 */
public final class LinkScheme {

    /** Schemes a browser, mail client or well-known desktop app opens from a page. */
    static final Set<String> KNOWN = Set.of("http", "https", "mailto", "tel", "sms", "ftp", "ftps", "sftp", "ssh",
            "git", "svn", "file", "data", "irc", "ircs", "news", "nntp", "xmpp", "sip", "sips", "callto", "skype",
            "slack", "msteams", "zoommtg", "zoomus", "vscode", "vscode-insiders", "idea", "jetbrains", "spotify",
            "magnet", "webcal", "geo", "urn", "s3", "gs", "vnc", "rdp", "telnet", "ldap", "ldaps", "smb", "nfs",
            "chrome", "about", "x-apple-reminderkit", "onenote", "obsidian", "notion", "figma", "teams",
            "javascript", "blob", "ws", "wss", "redis", "rediss", "postgres", "postgresql", "mysql", "mongodb",
            "mongodb+srv", "jdbc", "kafka", "amqp", "amqps", "mqtt", "grpc", "doi", "isbn", "steam", "discord");

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Pattern LOST_COLON = Pattern.compile("^(?i)(https?)//(.*)", Pattern.DOTALL);
    private static final Pattern ONE_SLASH = Pattern.compile("^(?i)(https?):/?([^/].*)", Pattern.DOTALL);

    /** A scheme problem: what is wrong, and the link as it was probably meant (null when unknown). */
    public record Problem(String message, String meant) {
    }

    private LinkScheme() {
    }

    public static Optional<Problem> of(String destination) {
        Matcher lostColon = LOST_COLON.matcher(destination);
        if (lostColon.matches()) {
            String meant = lostColon.group(1).toLowerCase(Locale.ROOT) + "://" + lostColon.group(2);
            return Optional.of(new Problem("'" + lostColon.group(1) + "//' has no colon, so this is read as a path"
                    + " inside the content folder", meant));
        }
        Matcher oneSlash = ONE_SLASH.matcher(destination);
        if (oneSlash.matches()) {
            String meant = oneSlash.group(1).toLowerCase(Locale.ROOT) + "://" + oneSlash.group(2);
            return Optional.of(new Problem("'" + oneSlash.group(1) + ":' needs two slashes before the host", meant));
        }
        Matcher scheme = SCHEME.matcher(destination);
        if (!scheme.matches() || destination.matches("(?s)^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty();
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (KNOWN.contains(name) || name.startsWith("x-") || name.startsWith("web+")) {
            return Optional.empty();
        }
        String rest = scheme.group(2);
        // A misspelt web scheme: one or two edits from http/https, and followed by "//" as a web address is.
        int bound = name.length() <= 4 ? 1 : 2;
        Optional<String> web = !rest.startsWith("//") ? Optional.empty()
                : Closest.to(name, List.of("https"), bound).or(() -> Closest.to(name, List.of("http"), bound));
        if (web.isPresent()) {
            return Optional.of(new Problem("unknown scheme '" + scheme.group(1) + ":'; did you mean " + web.get() + "?",
                    web.get() + ":" + rest));
        }
        if (rest.matches("\\d+(/.*)?")) {
            return Optional.of(new Problem("'" + scheme.group(1) + ":" + rest.split("/", 2)[0]
                    + "' is read as a scheme, not a host and port", "http://" + destination));
        }
        return Optional.of(new Problem("unknown scheme '" + scheme.group(1) + ":'; no browser opens this link", null));
    }
}
