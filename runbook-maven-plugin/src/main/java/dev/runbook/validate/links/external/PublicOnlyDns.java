package dev.runbook.validate.links.external;

import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution that refuses hosts whose every address is loopback, private or link-local, so a
 * public-looking name of an internal system (or a redirect to one) is skipped rather than reported as
 * broken, and the checker never probes the build machine's own network.
 */
public final class PublicOnlyDns implements Dns {

    /** Thrown when a name resolves only to addresses that are not checked. */
    public static final class PrivateHostException extends UnknownHostException {
        PrivateHostException(String host) {
            super(host + " resolves only to private addresses");
        }
    }

    private final Dns delegate;

    public PublicOnlyDns(Dns delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> all = delegate.lookup(hostname);
        List<InetAddress> usable = all.stream().filter(a -> !isPrivate(a)).toList();
        if (usable.isEmpty() && !all.isEmpty()) {
            throw new PrivateHostException(hostname);
        }
        return usable;
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || uniqueLocalV6;
    }
}
