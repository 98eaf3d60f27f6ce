package dev.runbook.findings.io;

import dev.runbook.core.AtomicFiles;
import dev.runbook.findings.Finding;
import dev.runbook.findings.ValidationReport;
import dev.runbook.findings.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code target/runbook-reports/TEST-runbook-validate.xml}, in the JUnit XML shape CI test views read:
 * {@code <testsuites>} holding one {@code <testsuite>} per runbook (named by its repository path), and in it
 * one {@code <testcase>} per finding, named {@code rule file:line}. An error finding's testcase carries
 * exactly one {@code <failure>} (message, rule as type, {@code file:line:col} and the fix in the text); a
 * warning's or hint's testcase passes and says what it found in {@code <system-out>}, as it does not fail
 * the build by default; a runbook without findings has one passing testcase, {@code clean}. Several
 * failures in one testcase are avoided on purpose: common XSDs and several CI views read only the first.
 * Everything from content is escaped; characters XML 1.0 cannot carry are replaced.
 */
public final class JUnitXmlReport {

    static final String SUITES = "runbook.validate";
    static final String CLEAN_CASE = "clean";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JUnitXmlReport() {
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        TreeSet<String> files = new TreeSet<>(report.runbooks());
        report.findings().forEach(f -> files.add(f.file()));
        files.forEach(f -> byFile.put(f, new ArrayList<>()));
        report.findings().forEach(f -> byFile.get(f.file()).add(f));
        byFile.values().forEach(l -> l.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::ruleId)));
        int tests = byFile.values().stream().mapToInt(l -> Math.max(1, l.size())).sum();
        long failures = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        // The time of this run (UTC, as Surefire writes it), not the build's pinned output date: CI views show
        // it as when the checks ran.
        // Always with seconds: LocalDateTime.toString() drops ":00", which the JUnit XSDs' xs:dateTime rejects.
        String timestamp = TIMESTAMP.format(LocalDateTime.now(ZoneOffset.UTC));
        String runId = report.runId();
        AtomicFiles.write(file, stream -> {
            Utf8Output out = new Utf8Output(stream);
            out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
            attribute(out, "name", SUITES);
            attribute(out, "tests", Integer.toString(tests));
            attribute(out, "failures", Long.toString(failures));
            attribute(out, "errors", "0");
            attribute(out, "time", "0");
            out.ascii(">\n");
            int id = 0;
            for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
                writeSuite(out, report, entry.getKey(), entry.getValue(), id++, timestamp, runId);
            }
            out.ascii("</testsuites>\n");
            out.flush();
        });
    }

    // Written byte by byte as the JDK's StAX writer wrote this report before (Utf8Output.xml escapes as it
    // does), without its Writer and encoder layers: the file is 17 MB at 25,000 findings.
    private static void writeSuite(Utf8Output out, ValidationReport report, String file, List<Finding> findings,
                                   int id, String timestamp, String runId) throws IOException {
        String suite = report.repositoryPath(file); // cleaned where written
        out.ascii("  <testsuite");
        cleanAttribute(out, "name", suite);
        attribute(out, "tests", Integer.toString(Math.max(1, findings.size())));
        attribute(out, "failures", Long.toString(findings.stream().filter(f -> f.severity() == Severity.ERROR).count()));
        attribute(out, "errors", "0");
        attribute(out, "skipped", "0");
        attribute(out, "time", "0");
        attribute(out, "timestamp", timestamp);
        attribute(out, "id", Integer.toString(id));
        // The same id as findings.json and the SARIF of this run, so a reader of several can tell they belong together.
        out.ascii(">\n    <properties><property");
        attribute(out, "name", "runbook.runId");
        attribute(out, "value", runId);
        out.ascii("/></properties>\n");
        if (findings.isEmpty()) {
            out.ascii("    <testcase");
            attribute(out, "name", CLEAN_CASE);
            cleanAttribute(out, "classname", suite);
            attribute(out, "time", "0");
            out.ascii("/>\n");
        }
        for (Finding f : findings) {
            writeCase(out, report, suite, f);
        }
        out.ascii("  </testsuite>\n");
    }

    private static void writeCase(Utf8Output out, ValidationReport report, String suite, Finding f) throws IOException {
        String path = report.repositoryPath(f.file());
        out.ascii("    <testcase");
        cleanAttribute(out, "name", f.ruleId() + " " + path + ":" + f.line());
        cleanAttribute(out, "classname", suite);
        attribute(out, "time", "0");
        out.ascii(">\n      ");
        if (f.severity() == Severity.ERROR) {
            out.ascii("<failure");
            cleanAttribute(out, "message", "[" + f.ruleId() + "] " + f.message());
            attribute(out, "type", f.ruleId());
            out.ascii('>');
            out.xml(path + ":" + f.line() + ":" + f.column() + ": " + f.message()
                    + (f.hint() == null || f.hint().isBlank() ? "" : "\nfix: " + f.hint()), false, true);
            out.ascii("</failure>");
        } else {
            out.ascii("<system-out>");
            out.xml(report.contentPrefix() + f.toConsoleLine(), false, true);
            out.ascii("</system-out>");
        }
        out.ascii("\n    </testcase>\n");
    }

    private static void attribute(Utf8Output out, String name, String value) throws IOException {
        out.ascii(' ').ascii(name).ascii("=\"").xml(value, true, false).ascii('"');
    }

    /** An attribute whose value comes from content: what XML 1.0 cannot hold at all is replaced first. */
    private static void cleanAttribute(Utf8Output out, String name, String value) throws IOException {
        out.ascii(' ').ascii(name).ascii("=\"").xml(value, true, true).ascii('"');
    }
}
