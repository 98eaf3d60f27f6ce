package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

/**
 * {@code dns name [A|AAAA|CNAME|MX|TXT|NS|SRV] [@server[:port]]}.
 *
 * @param server the name server as written, or null for the system's
 */
public record DnsProbeSpec(int line, String name, String type, String server) implements ProbeSpec {

    public DnsProbeSpec(int line, String name, String type) {
        this(line, name, type, null);
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        return new DnsProbe().run(this, context);
    }
}
