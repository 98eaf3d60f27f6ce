package dev.runbook.smoke.parse;

import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.assertion.Subject;
import dev.runbook.smoke.check.DnsProbeSpec;
import dev.runbook.smoke.check.HttpProbeSpec;
import dev.runbook.smoke.check.ProbeSpec;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.check.TcpProbeSpec;
import dev.runbook.smoke.check.TlsProbeSpec;
import dev.runbook.smoke.check.WebSocketProbeSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns smoke fences into {@link SmokeCheck}s. Pure: reads the model, never the network or the
 * environment, so the validator can report every {@code smoke.syntax} error without running anything.
 */
public final class SmokeParser {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_RETRIES = 10;

    private static final Set<String> ATTRIBUTES = Set.of("name", "timeout", "retries", "write");
    private static final Pattern METHOD_LINE = Pattern.compile("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)(\\s+)(\\S+)\\s*");
    private static final Pattern LOWER_METHOD = Pattern.compile("(?i)(get|head|post|put|patch|delete|options)\\s+\\S+.*");
    private static final Pattern HEADER_LINE = Pattern.compile("([A-Za-z0-9!#$%&'*+.^_`|~-]+):\\s*(.*)");
    private static final Pattern DNS_TYPES = Pattern.compile("A|AAAA|CNAME|TXT|MX");
    private static final Map<String, Set<Subject>> SUBJECTS = Map.of(
            "http", EnumSet.of(Subject.STATUS, Subject.HEADER, Subject.BODY, Subject.JSON, Subject.TIME, Subject.CONNECTED),
            "tcp", EnumSet.of(Subject.CONNECTED, Subject.TIME),
            "tls", EnumSet.of(Subject.CONNECTED, Subject.CERT_DAYS_LEFT, Subject.TIME),
            "websocket", EnumSet.of(Subject.CONNECTED, Subject.MESSAGE, Subject.TIME),
            "dns", EnumSet.of(Subject.CONNECTED, Subject.BODY, Subject.TIME));

    private SmokeParser() {
    }

    public static List<BlockParse> parse(Runbook runbook) {
        List<BlockParse> result = new ArrayList<>();
        for (CodeBlock block : runbook.smokeBlocks()) {
            result.add(parse(runbook.relativePath(), block, runbook.source()));
        }
        return result;
    }

    public static BlockParse parse(String runbookPath, CodeBlock block, SourceText source) {
        List<SmokeSyntaxError> errors = new ArrayList<>();
        int fenceLine = block.position().line();

        String name = block.attributes().get("name");
        Duration timeout = DEFAULT_TIMEOUT;
        int retries = 0;
        boolean write = false;
        String fenceText = source != null && fenceLine <= source.lineCount() ? source.line(fenceLine) : "";
        for (Map.Entry<String, String> attr : new TreeMap<>(block.attributes()).entrySet()) {
            String key = attr.getKey();
            String value = attr.getValue();
            int at = fenceText.indexOf(key + "=");
            int col = at < 0 ? fenceText.indexOf(key) + 1 : at + 1;
            col = Math.max(col, 1);
            switch (key) {
                case "name" -> {
                    if (value == null || value.isBlank()) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "empty name", "write name=\"What this checks\""));
                    }
                }
                case "timeout" -> {
                    Duration d = value == null ? null : Durations.parse(value);
                    if (d == null || d.isZero()) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "timeout '" + value + "' is not a duration",
                                "write e.g. timeout=5s or timeout=500ms"));
                    } else {
                        timeout = d;
                    }
                }
                case "retries" -> {
                    try {
                        retries = Integer.parseInt(value);
                        if (retries < 0 || retries > MAX_RETRIES) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "retries '" + value + "' is not a number from 0 to " + MAX_RETRIES,
                                "write e.g. retries=2"));
                    }
                }
                case "write" -> {
                    if ("true".equals(value)) {
                        write = true;
                    } else if (!"false".equals(value)) {
                        errors.add(new SmokeSyntaxError(fenceLine, col, "write '" + value + "' is not true or false", "write write=true"));
                    }
                }
                default -> errors.add(new SmokeSyntaxError(fenceLine, col, "unknown smoke attribute '" + key + "'",
                        "smoke blocks take " + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES))));
            }
        }

        List<Line> lines = lines(block, source);
        int index = 0;
        while (index < lines.size() && lines.get(index).isSkippable()) {
            index++;
        }
        if (index == lines.size()) {
            errors.add(new SmokeSyntaxError(fenceLine, 1, "empty smoke block", "the first line is the probe, e.g. curl -fsS {{api}}/health"));
            return new BlockParse(runbookPath, block, null, errors);
        }
        ProbeSpec probe = null;
        List<Assertion> assertions = new ArrayList<>();
        List<String> sends = new ArrayList<>();
        try {
            Line first = lines.get(index);
            String text = first.trimmed();
            String keyword = text.split("\\s+", 2)[0];
            if (keyword.equals("curl")) {
                List<ShellWords.Segment> segments = new ArrayList<>();
                while (true) {
                    Line l = lines.get(index++);
                    segments.add(new ShellWords.Segment(l.fileLine, l.column(0), l.trimmed()));
                    if (!l.trimmed().endsWith("\\") || index == lines.size()) {
                        break;
                    }
                }
                probe = CurlCommand.parse(ShellWords.split(segments), first.fileLine);
            } else if (METHOD_LINE.matcher(text).matches()) {
                HttpRequestRead read = httpRequest(lines, index);
                probe = read.spec();
                index = read.next();
            } else {
                index++;
                probe = simpleProbe(text, first);
            }
        } catch (SyntaxException e) {
            errors.add(e.error());
            return new BlockParse(runbookPath, block, null, errors);
        }
        for (; index < lines.size(); index++) {
            Line l = lines.get(index);
            if (l.isSkippable()) {
                continue;
            }
            String t = l.trimmed();
            try {
                if (t.equals("expect") || t.startsWith("expect ")) {
                    Assertion a = AssertionParser.parse(t, l.fileLine, l.column(0));
                    if (!SUBJECTS.get(probe.kind()).contains(a.subject())) {
                        throw new SyntaxException(l.fileLine, l.column(t.indexOf(' ') + 1),
                                "`" + a.subject().keyword() + "` does not apply to a " + probe.kind() + " probe",
                                probe.kind() + " probes offer: " + keywords(SUBJECTS.get(probe.kind())));
                    }
                    assertions.add(a);
                } else if (t.startsWith("send ") && probe instanceof WebSocketProbeSpec) {
                    sends.add(t.substring(5).strip());
                } else {
                    throw new SyntaxException(l.fileLine, l.column(0), "expected an `expect` line, found '" + abbreviate(t) + "'",
                            probe instanceof WebSocketProbeSpec ? "after the probe come `send <text>` and `expect …` lines"
                                    : "after the probe, one assertion per line: expect <subject> <op> <value>");
                }
            } catch (SyntaxException e) {
                errors.add(e.error());
            }
        }
        if (probe instanceof WebSocketProbeSpec ws) {
            probe = new WebSocketProbeSpec(ws.line(), ws.url(), sends);
        }
        if (probe.writes() && !write) {
            HttpProbeSpec http = (HttpProbeSpec) probe;
            errors.add(new SmokeSyntaxError(probe.line(), 1, http.method() + " changes state on the server, and smoke checks only read by default",
                    "if this check is meant to write, add write=true to the fence (```smoke {write=true}) and point it at an endpoint that is safe to call repeatedly"));
        }
        if (!errors.isEmpty()) {
            return new BlockParse(runbookPath, block, null, errors);
        }
        String displayName = name != null && !name.isBlank() ? name : abbreviate(lines.get(probeStart(lines)).trimmed());
        return new BlockParse(runbookPath, block, new SmokeCheck(runbookPath, fenceLine, displayName, timeout, retries, write,
                fingerprint(block), probe, assertions), List.of());
    }

    private static int probeStart(List<Line> lines) {
        int i = 0;
        while (lines.get(i).isSkippable()) {
            i++;
        }
        return i;
    }

    private record HttpRequestRead(HttpProbeSpec spec, int next) {
    }

    /** {@code METHOD url}, then {@code Name: value} lines, then optionally a blank line and a body up to the first {@code expect}. */
    private static HttpRequestRead httpRequest(List<Line> lines, int index) throws SyntaxException {
        Line first = lines.get(index++);
        Matcher m = METHOD_LINE.matcher(first.trimmed());
        m.matches();
        List<HttpProbeSpec.Header> headers = new ArrayList<>();
        while (index < lines.size()) {
            Line l = lines.get(index);
            String t = l.trimmed();
            if (t.isEmpty() || t.startsWith("expect ") || t.equals("expect")) {
                break;
            }
            Matcher h = HEADER_LINE.matcher(t);
            if (!h.matches()) {
                throw new SyntaxException(l.fileLine, l.column(0), "expected a header line 'Name: value', found '" + abbreviate(t) + "'",
                        "headers follow the request line; leave a blank line before a body");
            }
            headers.add(new HttpProbeSpec.Header(h.group(1), h.group(2).strip()));
            index++;
        }
        String body = null;
        if (index < lines.size() && lines.get(index).trimmed().isEmpty()) {
            index++;
            List<String> bodyLines = new ArrayList<>();
            while (index < lines.size() && !lines.get(index).trimmed().startsWith("expect ")) {
                bodyLines.add(lines.get(index).text);
                index++;
            }
            String joined = String.join("\n", bodyLines).strip();
            body = joined.isEmpty() ? null : joined;
        }
        HttpProbeSpec spec = new HttpProbeSpec(first.fileLine, m.group(1), m.group(3), headers, body,
                false, false, false, null, null, null);
        return new HttpRequestRead(spec, index);
    }

    private static ProbeSpec simpleProbe(String text, Line first) throws SyntaxException {
        String[] words = text.split("\\s+");
        String keyword = words[0];
        switch (keyword) {
            case "tcp", "tls" -> {
                if (words.length != 2) {
                    throw new SyntaxException(first.fileLine, first.column(0), "`" + keyword + "` takes one host:port",
                            "write e.g. " + keyword + " {{host}}:443");
                }
                checkHostPort(words[1], first, text.indexOf(words[1], keyword.length()));
                return keyword.equals("tcp") ? new TcpProbeSpec(first.fileLine, words[1]) : new TlsProbeSpec(first.fileLine, words[1]);
            }
            case "dns" -> {
                if (words.length < 2 || words.length > 3) {
                    throw new SyntaxException(first.fileLine, first.column(0), "`dns` takes a name and an optional record type",
                            "write e.g. dns api.staging.example.com A");
                }
                String type = words.length == 3 ? words[2].toUpperCase(Locale.ROOT) : "A";
                if (!DNS_TYPES.matcher(type).matches()) {
                    throw new SyntaxException(first.fileLine, first.column(text.lastIndexOf(words[2])), "unknown DNS record type '" + words[2] + "'",
                            "use A, AAAA, CNAME, TXT or MX");
                }
                return new DnsProbeSpec(first.fileLine, words[1], type);
            }
            default -> {
                if ((text.startsWith("ws://") || text.startsWith("wss://") || text.startsWith("{{")) && words.length == 1) {
                    return new WebSocketProbeSpec(first.fileLine, text, List.of());
                }
                if (LOWER_METHOD.matcher(text).matches()) {
                    throw new SyntaxException(first.fileLine, first.column(0), "HTTP method '" + keyword + "' must be upper case",
                            "write " + keyword.toUpperCase(Locale.ROOT) + " <url>");
                }
                if (text.startsWith("http://") || text.startsWith("https://")) {
                    throw new SyntaxException(first.fileLine, first.column(0), "a bare http(s) URL is not a probe",
                            "write GET " + text + " or curl -fsS " + text);
                }
                throw new SyntaxException(first.fileLine, first.column(0), "unknown probe '" + abbreviate(keyword) + "'",
                        "the first line is the probe: curl …, GET|HEAD|POST|PUT|PATCH|DELETE <url>, tcp host:port, tls host:port, ws(s)://…, dns name [type]");
            }
        }
    }

    private static void checkHostPort(String target, Line line, int offset) throws SyntaxException {
        if (target.contains("{{")) {
            return; // resolved and checked when the environment is known
        }
        int colon = target.lastIndexOf(':');
        String port = colon < 0 ? "" : target.substring(colon + 1);
        if (colon <= 0 || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new SyntaxException(line.fileLine, line.column(offset), "'" + target + "' is not host:port",
                    "write e.g. db.staging.example.com:5432");
        }
    }

    static String keywords(Set<Subject> subjects) {
        return String.join(", ", subjects.stream().map(Subject::keyword).toList());
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Stable id of a block's content: attributes and body, not its position. */
    public static String fingerprint(CodeBlock block) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new TreeMap<>(block.attributes()).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.join("\n", block.lines()).strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<Line> lines(CodeBlock block, SourceText source) {
        List<String> body = block.lines();
        List<Line> lines = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i);
            int fileLine = block.fileLine(i);
            int indentInFile = 0;
            if (source != null && fileLine <= source.lineCount() && !text.isEmpty()) {
                indentInFile = Math.max(0, source.line(fileLine).indexOf(text));
            }
            lines.add(new Line(fileLine, indentInFile, text));
        }
        return lines;
    }

    /** A body line and where it sits in the file. */
    private static final class Line {
        final int fileLine;
        final int indentInFile;
        final String text;
        final int leading;

        Line(int fileLine, int indentInFile, String text) {
            this.fileLine = fileLine;
            this.indentInFile = indentInFile;
            this.text = text;
            int l = 0;
            while (l < text.length() && Character.isWhitespace(text.charAt(l))) {
                l++;
            }
            this.leading = l;
        }

        String trimmed() {
            return text.strip();
        }

        /** File column of an offset into {@link #trimmed()}. */
        int column(int offsetInTrimmed) {
            return indentInFile + leading + offsetInTrimmed + 1;
        }

        boolean isSkippable() {
            String t = trimmed();
            return t.isEmpty() || t.startsWith("#");
        }
    }
}
