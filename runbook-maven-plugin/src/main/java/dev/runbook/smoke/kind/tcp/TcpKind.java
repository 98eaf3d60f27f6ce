package dev.runbook.smoke.kind.tcp;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Set;

/** {@code tcp host:port}: connect and close. */
public final class TcpKind implements ProbeKind<TcpProbeSpec> {

    @Override
    public String keyword() {
        return "tcp";
    }

    @Override
    public String synopsis() {
        return "tcp host:port";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.CONNECTED, Subject.TIME);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("tcp");
    }

    @Override
    public TcpProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        if (words.length != 2) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`tcp` takes one host:port", "write e.g. tcp {{host}}:443");
        }
        HostPort.checkWritten(words[1], first.fileLine(), first.column(text.indexOf(words[1], "tcp".length())));
        return new TcpProbeSpec(first.fileLine(), words[1]);
    }
}
