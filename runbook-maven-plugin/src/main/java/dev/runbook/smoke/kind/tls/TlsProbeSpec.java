package dev.runbook.smoke.kind.tls;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

/** {@code tls host:port}: a verified TLS handshake, reporting the leaf certificate's remaining days. */
public record TlsProbeSpec(int line, String target) implements ProbeSpec {
    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        return new TlsProbe().run(this, context);
    }
}
