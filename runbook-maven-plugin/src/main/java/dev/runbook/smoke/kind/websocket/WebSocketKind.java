package dev.runbook.smoke.kind.websocket;

import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ws://…} or {@code wss://…} alone on the line (or a {@code {{var}}} that resolves to one), then
 * {@code send <text>} lines among the {@code expect} lines.
 */
public final class WebSocketKind implements ProbeKind<WebSocketProbeSpec> {

    @Override
    public String keyword() {
        return "websocket";
    }

    @Override
    public String synopsis() {
        return "ws(s)://…";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.CONNECTED, Subject.MESSAGE, Subject.TIME);
    }

    @Override
    public boolean claims(String firstLine) {
        return (firstLine.startsWith("ws://") || firstLine.startsWith("wss://") || firstLine.startsWith("{{"))
                && firstLine.split("\\s+").length == 1;
    }

    @Override
    public WebSocketProbeSpec parse(ProbeLines lines) {
        ProbeLines.Line first = lines.next();
        return new WebSocketProbeSpec(first.fileLine(), first.trimmed(), List.of());
    }

    @Override
    public WebSocketProbeSpec afterProbe(WebSocketProbeSpec spec, String trimmedLine) {
        if (!trimmedLine.startsWith("send ")) {
            return null;
        }
        List<String> sends = new ArrayList<>(spec.sends());
        sends.add(trimmedLine.substring(5).strip());
        return new WebSocketProbeSpec(spec.line(), spec.url(), sends);
    }

    @Override
    public String afterProbeHint() {
        return "after the probe come `send <text>` and `expect …` lines";
    }
}
