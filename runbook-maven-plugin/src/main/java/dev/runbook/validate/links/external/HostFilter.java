package dev.runbook.validate.links.external;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Hosts that are not checked unless {@code checkPrivate} is on: loopback, private, link-local and
 * unspecified addresses, {@code localhost}, and the names reserved for examples and tests
 * ({@code *.example}, {@code *.test}, {@code *.invalid}, {@code *.localhost}, {@code example.com|org|net}).
 * Links to them in a runbook are placeholders or internal systems that CI cannot (and should not) reach.
 * Names that only resolve to such addresses are caught at lookup time by {@link PublicOnlyDns}.
 */
public final class HostFilter {

    private final boolean checkPrivate;

    public HostFilter(boolean checkPrivate) {
        this.checkPrivate = checkPrivate;
    }

    /** Why a host is skipped, or empty when it is checked. */
    public Optional<String> skipReason(String host) {
        if (checkPrivate) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return Optional.of("localhost");
        }
        for (String tld : new String[] {".example", ".test", ".invalid", ".local", ".internal"}) {
            if (h.endsWith(tld) || h.equals(tld.substring(1))) {
                return Optional.of("reserved name (" + tld + ")");
            }
        }
        for (String domain : new String[] {"example.com", "example.org", "example.net"}) {
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return Optional.of("example domain");
            }
        }
        if (isIpLiteral(h)) {
            try {
                // An IP literal is parsed, not looked up.
                if (PublicOnlyDns.isPrivate(InetAddress.getByName(h))) {
                    return Optional.of("private address");
                }
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isIpLiteral(String h) {
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
    }
}
