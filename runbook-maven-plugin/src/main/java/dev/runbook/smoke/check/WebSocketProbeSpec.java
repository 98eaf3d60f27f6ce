package dev.runbook.smoke.check;

import java.util.List;

/** {@code ws://…} or {@code wss://…} (or a {@code {{var}}} that resolves to one), then {@code send} lines. */
public record WebSocketProbeSpec(int line, String url, List<String> sends) implements ProbeSpec {

    public WebSocketProbeSpec {
        sends = List.copyOf(sends);
    }

    @Override
    public String kind() {
        return "websocket";
    }
}
