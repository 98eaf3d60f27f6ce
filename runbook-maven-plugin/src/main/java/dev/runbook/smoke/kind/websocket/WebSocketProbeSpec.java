package dev.runbook.smoke.kind.websocket;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.Subject;

import java.util.List;
import java.util.Set;

/**
 * {@code ws://…} or {@code wss://…} (or a {@code {{var}}} that resolves to one), then {@code send} lines.
 *
 * @param awaitMessage whether the probe waits for a message: only when there is a {@code send} or the block
 *                     asserts on {@code message}; otherwise the check ends at the handshake
 */
public record WebSocketProbeSpec(int line, String url, List<String> sends, boolean awaitMessage) implements ProbeSpec {

    public WebSocketProbeSpec {
        sends = List.copyOf(sends);
    }

    public WebSocketProbeSpec(int line, String url, List<String> sends) {
        this(line, url, sends, true);
    }

    @Override
    public ProbeSpec forSubjects(Set<Subject> asserted) {
        return new WebSocketProbeSpec(line, url, sends, !sends.isEmpty() || asserted.contains(Subject.MESSAGE));
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException, InterruptedException {
        return new WebSocketProbe().run(this, context);
    }
}
