package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** {@code dns name [type] [@server[:port]]}: a lookup through the system resolver or one named server. */
public final class DnsKind implements ProbeKind<DnsProbeSpec> {

    @Override
    public String keyword() {
        return "dns";
    }

    @Override
    public String synopsis() {
        return "dns name [type] [@server]";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.CONNECTED, Subject.BODY, Subject.TIME, Subject.RCODE);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("dns");
    }

    @Override
    public DnsProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        String server = null;
        if (words.length > 2 && words[words.length - 1].startsWith("@")) {
            server = words[words.length - 1].substring(1);
            words = java.util.Arrays.copyOf(words, words.length - 1);
            if (server.isEmpty()) {
                throw new SyntaxException(first.fileLine(), first.column(text.lastIndexOf('@')), "`@` needs a name server",
                        "write e.g. dns api.example.com A @10.0.0.2 or @ns1.example.com:53");
            }
        }
        if (words.length < 2 || words.length > 3) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`dns` takes a name, an optional record type and an optional @server",
                    "write e.g. dns api.staging.example.com A");
        }
        String type = words.length == 3 ? words[2].toUpperCase(Locale.ROOT) : "A";
        if (!DnsQuery.TYPES.contains(type)) {
            throw new SyntaxException(first.fileLine(), first.column(text.indexOf(words[2], words[0].length() + words[1].length())),
                    "unknown DNS record type '" + words[2] + "'", "use A, AAAA, CNAME, MX, TXT, NS or SRV");
        }
        return new DnsProbeSpec(first.fileLine(), words[1], type, server);
    }
}
