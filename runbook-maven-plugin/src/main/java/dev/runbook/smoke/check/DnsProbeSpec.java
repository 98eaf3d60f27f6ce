package dev.runbook.smoke.check;

/** {@code dns name [A|AAAA|CNAME|TXT|MX]}. */
public record DnsProbeSpec(int line, String name, String type) implements ProbeSpec {
    @Override
    public String kind() {
        return "dns";
    }
}
