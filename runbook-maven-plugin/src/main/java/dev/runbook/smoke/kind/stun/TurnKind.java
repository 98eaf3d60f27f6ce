package dev.runbook.smoke.kind.stun;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.ProbeOptions;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** {@code turn host:port [udp|tcp] user=… password=…}: an RFC 5766 allocation with long-term credentials. */
public final class TurnKind implements ProbeKind<TurnProbeSpec> {

    private static final String EXAMPLE = "turn {{turn_host}}:3478 udp user={{TURN_USER}} password={{TURN_PASSWORD}}";

    @Override
    public String keyword() {
        return "turn";
    }

    @Override
    public String synopsis() {
        return "turn host:port [udp|tcp] user= password=";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.RELAYED_ADDRESS, Subject.MAPPED_ADDRESS, Subject.TIME, Subject.CONNECTED);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("turn");
    }

    @Override
    public TurnProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        if (words.length < 2) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`turn` takes host:port, udp or tcp, user= and password=",
                    "write e.g. " + EXAMPLE);
        }
        HostPort.checkWritten(words[1], first.fileLine(), first.column(text.indexOf(words[1], 4)));
        StunClient.Transport transport = StunKind.transport(first, words, 2);
        int optionsFrom = words.length > 2 && !words[2].contains("=") ? 3 : 2;
        Map<String, String> options = ProbeOptions.parse(first, words, optionsFrom, Set.of("user", "password"), EXAMPLE);
        if (!options.containsKey("user") || !options.containsKey("password")) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`turn` needs user= and password= (long-term credentials)",
                    "write e.g. " + EXAMPLE + ", with the secrets in the environment");
        }
        return new TurnProbeSpec(first.fileLine(), words[1], transport, options.get("user"), options.get("password"));
    }
}
