package dev.runbook.smoke.check;

/** {@code tls host:port}: a verified TLS handshake, reporting the leaf certificate's remaining days. */
public record TlsProbeSpec(int line, String target) implements ProbeSpec {
    @Override
    public String kind() {
        return "tls";
    }
}
