package dev.runbook.smoke.kind.stun;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Set;

/** {@code stun host:port [udp|tcp]}: an RFC 5389 binding request (UDP by default). */
public final class StunKind implements ProbeKind<StunProbeSpec> {

    @Override
    public String keyword() {
        return "stun";
    }

    @Override
    public String synopsis() {
        return "stun host:port [udp|tcp]";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.MAPPED_ADDRESS, Subject.TIME, Subject.CONNECTED);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("stun");
    }

    @Override
    public StunProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        if (words.length < 2 || words.length > 3) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`stun` takes host:port and an optional udp or tcp",
                    "write e.g. stun {{turn_host}}:3478 udp");
        }
        HostPort.checkWritten(words[1], first.fileLine(), first.column(text.indexOf(words[1], 4)));
        return new StunProbeSpec(first.fileLine(), words[1], transport(first, words, 2));
    }

    /** The transport word at {@code index}, UDP when absent. */
    public static StunClient.Transport transport(ProbeLines.Line line, String[] words, int index) throws SyntaxException {
        if (words.length <= index || words[index].contains("=")) {
            return StunClient.Transport.UDP;
        }
        StunClient.Transport t = StunClient.Transport.parse(words[index]);
        if (t == null) {
            throw new SyntaxException(line.fileLine(), line.column(line.trimmed().lastIndexOf(words[index])),
                    "'" + words[index] + "' is not udp or tcp", "write udp or tcp after host:port");
        }
        return t;
    }
}
