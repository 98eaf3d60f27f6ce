package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code dns name [A|AAAA|CNAME|TXT|MX]}: a lookup through the system resolver. */
public final class DnsKind implements ProbeKind<DnsProbeSpec> {

    private static final Pattern DNS_TYPES = Pattern.compile("A|AAAA|CNAME|TXT|MX");

    @Override
    public String keyword() {
        return "dns";
    }

    @Override
    public String synopsis() {
        return "dns name [type]";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.CONNECTED, Subject.BODY, Subject.TIME);
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
        if (words.length < 2 || words.length > 3) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`dns` takes a name and an optional record type",
                    "write e.g. dns api.staging.example.com A");
        }
        String type = words.length == 3 ? words[2].toUpperCase(Locale.ROOT) : "A";
        if (!DNS_TYPES.matcher(type).matches()) {
            throw new SyntaxException(first.fileLine(), first.column(text.lastIndexOf(words[2])), "unknown DNS record type '" + words[2] + "'",
                    "use A, AAAA, CNAME, TXT or MX");
        }
        return new DnsProbeSpec(first.fileLine(), words[1], type);
    }
}
