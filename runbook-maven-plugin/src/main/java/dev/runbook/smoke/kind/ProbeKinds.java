package dev.runbook.smoke.kind;

import dev.runbook.smoke.kind.dns.DnsKind;
import dev.runbook.smoke.kind.http.HttpKind;
import dev.runbook.smoke.kind.tcp.TcpKind;
import dev.runbook.smoke.kind.tls.TlsKind;
import dev.runbook.smoke.kind.websocket.WebSocketKind;
import dev.runbook.smoke.probe.ProbeKind;

import java.util.List;
import java.util.Optional;

/**
 * The smoke probe kinds, in the order the "unknown probe" hint lists them. A new kind is one folder next to
 * these (its {@link ProbeKind}, spec and probe), one line here, and its section in docs/smoke.md.
 */
public final class ProbeKinds {

    private static final List<ProbeKind<?>> ALL = List.of(
            new HttpKind(),
            new TcpKind(),
            new TlsKind(),
            new WebSocketKind(),
            new DnsKind());

    private ProbeKinds() {
    }

    public static List<ProbeKind<?>> all() {
        return ALL;
    }

    /** The kind that reads a block starting with this (trimmed) probe line. */
    public static Optional<ProbeKind<?>> claiming(String firstLine) {
        return ALL.stream().filter(kind -> kind.claims(firstLine)).findFirst();
    }
}
