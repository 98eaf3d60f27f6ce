package dev.runbook.smoke.kind.websocket;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

import java.util.List;

/** {@code ws://…} or {@code wss://…} (or a {@code {{var}}} that resolves to one), then {@code send} lines. */
public record WebSocketProbeSpec(int line, String url, List<String> sends) implements ProbeSpec {

    public WebSocketProbeSpec {
        sends = List.copyOf(sends);
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException, InterruptedException {
        return new WebSocketProbe().run(this, context);
    }
}
