package dev.runbook.smoke.kind.tcp;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

/** {@code tcp host:port}: connect and close. */
public record TcpProbeSpec(int line, String target) implements ProbeSpec {
    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        return new TcpProbe().run(this, context);
    }
}
