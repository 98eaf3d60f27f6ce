package dev.runbook.smoke.run;

import dev.runbook.smoke.assertion.AssertionEvaluator;
import dev.runbook.smoke.assertion.Verdict;
import dev.runbook.smoke.check.DnsProbeSpec;
import dev.runbook.smoke.check.HttpProbeSpec;
import dev.runbook.smoke.check.ProbeSpec;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.check.TcpProbeSpec;
import dev.runbook.smoke.check.TlsProbeSpec;
import dev.runbook.smoke.check.WebSocketProbeSpec;
import dev.runbook.smoke.probe.DnsProbe;
import dev.runbook.smoke.probe.HttpProbe;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.TcpProbe;
import dev.runbook.smoke.probe.TlsProbe;
import dev.runbook.smoke.probe.WebSocketProbe;

/** One attempt of one check: the probe for its kind, then the assertions. */
final class CheckExecutor {

    /** The result of one attempt; {@code refused} means the check cannot run here and retrying is pointless. */
    record Attempt(boolean passed, boolean refused, String message) {
    }

    private final HttpProbe http = new HttpProbe();
    private final TcpProbe tcp = new TcpProbe();
    private final TlsProbe tls = new TlsProbe();
    private final WebSocketProbe webSocket = new WebSocketProbe();
    private final DnsProbe dns = new DnsProbe();

    Attempt attempt(SmokeCheck check, ProbeContext context) throws InterruptedException {
        ProbeSpec spec = check.probe();
        Observation seen;
        try {
            if (spec instanceof HttpProbeSpec h) {
                seen = http.run(h, context);
            } else if (spec instanceof TcpProbeSpec t) {
                seen = tcp.run(t, context);
            } else if (spec instanceof TlsProbeSpec t) {
                seen = tls.run(t, context);
            } else if (spec instanceof WebSocketProbeSpec w) {
                seen = webSocket.run(w, context);
            } else {
                seen = dns.run((DnsProbeSpec) spec, context);
            }
        } catch (ProbeRefusedException e) {
            return new Attempt(false, true, e.getMessage());
        }
        Integer implicitMaxStatus = spec instanceof HttpProbeSpec h && h.failOnHttpError() ? 400 : null;
        Verdict verdict = AssertionEvaluator.evaluate(check.assertions(), seen, implicitMaxStatus);
        return new Attempt(verdict.passed(), false, verdict.message());
    }
}
