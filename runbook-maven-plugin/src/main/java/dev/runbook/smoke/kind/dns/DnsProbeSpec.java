package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

/** {@code dns name [A|AAAA|CNAME|TXT|MX]}. */
public record DnsProbeSpec(int line, String name, String type) implements ProbeSpec {
    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        return new DnsProbe().run(this, context);
    }
}
