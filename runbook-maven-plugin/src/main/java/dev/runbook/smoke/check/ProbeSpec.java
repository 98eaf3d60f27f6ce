package dev.runbook.smoke.check;

/**
 * What a smoke block's first line asks for, with {@code {{name}}} placeholders still unresolved: parsing
 * is pure, and the environment is applied only when the check runs.
 */
public sealed interface ProbeSpec permits HttpProbeSpec, TcpProbeSpec, TlsProbeSpec, WebSocketProbeSpec, DnsProbeSpec {

    /** File line of the probe. */
    int line();

    /** The kind, as documented: http, tcp, tls, websocket, dns. */
    String kind();

    /** Whether it changes state on the server (needs {@code write=true}). */
    default boolean writes() {
        return false;
    }
}
