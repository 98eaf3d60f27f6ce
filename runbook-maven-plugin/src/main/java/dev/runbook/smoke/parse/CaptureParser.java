package dev.runbook.smoke.parse;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.runbook.smoke.check.Capture;
import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code capture NAME = <subject> [argument]}. */
final class CaptureParser {

    private static final Pattern CAPTURE = Pattern.compile("capture\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\\S+)(?:\\s+(\\S+))?");
    private static final String HINT = "write e.g. capture token = json $.access_token, then use {{token}} in a later step";

    private CaptureParser() {
    }

    static Capture parse(String text, ProbeLines.Line line, ProbeKind<?> kind) throws SyntaxException {
        Matcher m = CAPTURE.matcher(text);
        if (!m.matches()) {
            throw new SyntaxException(line.fileLine(), line.column(0), "`capture` needs a name, = and a subject", HINT);
        }
        Subject subject = Subject.byKeyword(m.group(2));
        if (subject == null || !kind.subjects().contains(subject)) {
            throw new SyntaxException(line.fileLine(), line.column(m.start(2)), subject == null ? "unknown subject '" + m.group(2) + "'"
                    : "`" + subject.keyword() + "` does not apply to a " + kind.keyword() + " probe",
                    kind.keyword() + " probes offer: " + SmokeParser.keywords(kind.subjects()));
        }
        String argument = m.group(3);
        if (subject.takesArgument() != (argument != null)) {
            throw new SyntaxException(line.fileLine(), line.column(m.start(2)), subject.takesArgument()
                    ? "`" + subject.keyword() + "` needs " + (subject.takesJsonPath() ? "a JSONPath" : "a header name")
                    : "`" + subject.keyword() + "` takes no argument", HINT);
        }
        if (subject.takesJsonPath()) {
            try {
                JsonPath.compile(argument);
            } catch (InvalidPathException | IllegalArgumentException e) {
                throw new SyntaxException(line.fileLine(), line.column(m.start(3)), "invalid JSONPath '" + argument + "': " + e.getMessage(), HINT);
            }
        }
        return new Capture(m.group(1), subject, argument, line.fileLine());
    }
}
