package dev.runbook.smoke.check;

/** {@code tcp host:port}: connect and close. */
public record TcpProbeSpec(int line, String target) implements ProbeSpec {
    @Override
    public String kind() {
        return "tcp";
    }
}
