package dev.runbook.smoke.kind.http;

import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code curl …} (one command, {@code \} continuations allowed), or {@code METHOD url} followed by
 * {@code Name: value} header lines and, after a blank line, a body.
 */
public final class HttpKind implements ProbeKind<HttpProbeSpec> {

    private static final Pattern METHOD_LINE = Pattern.compile("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)(\\s+)(\\S+)\\s*");
    private static final Pattern LOWER_METHOD = Pattern.compile("(?i)(get|head|post|put|patch|delete|options)\\s+\\S+.*");
    private static final Pattern HEADER_LINE = Pattern.compile("([A-Za-z0-9!#$%&'*+.^_`|~-]+):\\s*(.*)");

    @Override
    public String keyword() {
        return "http";
    }

    @Override
    public String synopsis() {
        return "curl …, GET|HEAD|POST|PUT|PATCH|DELETE <url>";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.STATUS, Subject.HEADER, Subject.BODY, Subject.JSON, Subject.TIME, Subject.CONNECTED);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("curl") || METHOD_LINE.matcher(firstLine).matches();
    }

    @Override
    public HttpProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.current();
        if (!METHOD_LINE.matcher(first.trimmed()).matches()) {
            List<ShellWords.Segment> segments = new ArrayList<>();
            while (true) {
                ProbeLines.Line l = lines.next();
                segments.add(new ShellWords.Segment(l.fileLine(), l.column(0), l.trimmed()));
                if (!l.trimmed().endsWith("\\") || lines.atEnd()) {
                    break;
                }
            }
            return CurlCommand.parse(ShellWords.split(segments), first.fileLine());
        }
        return request(lines);
    }

    /** {@code METHOD url}, then {@code Name: value} lines, then optionally a blank line and a body up to the first {@code expect}. */
    private static HttpProbeSpec request(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        Matcher m = METHOD_LINE.matcher(first.trimmed());
        m.matches();
        List<HttpProbeSpec.Header> headers = new ArrayList<>();
        while (!lines.atEnd()) {
            ProbeLines.Line l = lines.current();
            String t = l.trimmed();
            if (t.isEmpty() || t.startsWith("expect ") || t.equals("expect")) {
                break;
            }
            Matcher h = HEADER_LINE.matcher(t);
            if (!h.matches()) {
                throw new SyntaxException(l.fileLine(), l.column(0), "expected a header line 'Name: value', found '"
                        + ProbeLines.abbreviate(t) + "'", "headers follow the request line; leave a blank line before a body");
            }
            headers.add(new HttpProbeSpec.Header(h.group(1), h.group(2).strip()));
            lines.next();
        }
        String body = null;
        if (!lines.atEnd() && lines.current().trimmed().isEmpty()) {
            lines.next();
            List<String> bodyLines = new ArrayList<>();
            while (!lines.atEnd() && !lines.current().trimmed().startsWith("expect ")) {
                bodyLines.add(lines.next().text());
            }
            String joined = String.join("\n", bodyLines).strip();
            body = joined.isEmpty() ? null : joined;
        }
        return new HttpProbeSpec(first.fileLine(), m.group(1), m.group(3), headers, body,
                false, false, false, null, null, null);
    }

    @Override
    public void rejectNearMiss(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.current();
        String text = first.trimmed();
        String keyword = text.split("\\s+", 2)[0];
        if (LOWER_METHOD.matcher(text).matches()) {
            throw new SyntaxException(first.fileLine(), first.column(0), "HTTP method '" + keyword + "' must be upper case",
                    "write " + keyword.toUpperCase(Locale.ROOT) + " <url>");
        }
        if (text.startsWith("http://") || text.startsWith("https://")) {
            throw new SyntaxException(first.fileLine(), first.column(0), "a bare http(s) URL is not a probe",
                    "write GET " + text + " or curl -fsS " + text);
        }
    }
}
