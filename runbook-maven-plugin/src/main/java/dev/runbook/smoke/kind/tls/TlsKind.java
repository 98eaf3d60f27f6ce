package dev.runbook.smoke.kind.tls;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Set;

/** {@code tls host:port}: a verified TLS handshake. */
public final class TlsKind implements ProbeKind<TlsProbeSpec> {

    @Override
    public String keyword() {
        return "tls";
    }

    @Override
    public String synopsis() {
        return "tls host:port";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.CONNECTED, Subject.CERT_DAYS_LEFT, Subject.TIME);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("tls");
    }

    @Override
    public TlsProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        if (words.length != 2) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`tls` takes one host:port", "write e.g. tls {{host}}:443");
        }
        HostPort.checkWritten(words[1], first.fileLine(), first.column(text.indexOf(words[1], "tls".length())));
        return new TlsProbeSpec(first.fileLine(), words[1]);
    }
}
