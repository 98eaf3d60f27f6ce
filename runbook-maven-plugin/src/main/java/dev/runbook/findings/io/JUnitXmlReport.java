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
    static final String CLEAN_CASE_NAME = "clean";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JUnitXmlReport() {
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        write(report, ReportKeys.of(report), file);
    }

    /** As {@link #write(ValidationReport, Path)}, with the run id the run derived once for all its reports. */
    public static void write(ValidationReport report, ReportKeys keys, Path file) throws IOException {
        String runId = keys.runId();
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
        AtomicFiles.write(file, stream -> {
            Utf8Output out = new Utf8Output(stream);
            out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
            attribute(out, "name", SUITES);
            attribute(out, "tests", Integer.toString(tests));
            attribute(out, "failures", Long.toString(failures));
            attribute(out, "errors", "0");
            attribute(out, "time", "0");
            out.ascii(">\n");
            byte[] suiteMiddle = encode(" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"" + timestamp + "\" id=\"");
            // The same id as findings.json and the SARIF of this run, so a reader of several can tell they belong together.
            byte[] suiteProperties = encode("\">\n    <properties><property name=\"runbook.runId\" value=\"" + runId
                    + "\"/></properties>\n");
            int id = 0;
            for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
                writeSuite(out, report, entry.getKey(), entry.getValue(), id++, suiteMiddle, suiteProperties);
            }
            out.ascii("</testsuites>\n");
            out.flush();
        });
    }

    /*
     * Written byte by byte as the JDK's StAX writer wrote this report before (Utf8Output.xml escapes as it
     * did), without its Writer and encoder layers, the constant markup copied whole: the file is 17 MB at
     * 25,000 findings. Text from content is cleaned (what XML 1.0 cannot hold replaced) piece by piece rather
     * than concatenated first; the same bytes, as every piece is joined to the next by ASCII (" ", ":", "] "),
     * and only a surrogate pair could span a join.
     */
    private static final byte[] SUITE_NAME = encode("  <testsuite name=\"");
    private static final byte[] SUITE_TESTS = encode("\" tests=\"");
    private static final byte[] SUITE_FAILURES = encode("\" failures=\"");
    private static final byte[] SUITE_END = encode("  </testsuite>\n");
    private static final byte[] CLEAN_CASE = encode("    <testcase name=\"" + CLEAN_CASE_NAME + "\" classname=\"");
    private static final byte[] CLEAN_CASE_END = encode("\" time=\"0\"/>\n");
    private static final byte[] CASE_NAME = encode("    <testcase name=\"");
    private static final byte[] CASE_CLASSNAME = encode("\" classname=\"");
    private static final byte[] CASE_BODY = encode("\" time=\"0\">\n      ");
    private static final byte[] FAILURE_MESSAGE = encode("<failure message=\"[");
    private static final byte[] FAILURE_TYPE = encode("\" type=\"");
    private static final byte[] FAILURE_END = encode("</failure>\n    </testcase>\n");
    private static final byte[] SYSTEM_OUT = encode("<system-out>");
    private static final byte[] SYSTEM_OUT_END = encode("</system-out>\n    </testcase>\n");

    // Methods of their own, called per runbook and per finding: the JIT compiles a method after a few thousand
    // calls, while the body of a loop that runs once over 10,000 runbooks would stay interpreted.
    private static void writeSuite(Utf8Output out, ValidationReport report, String file, List<Finding> findings, int id,
                                   byte[] suiteMiddle, byte[] suiteProperties) throws IOException {
        String suite = report.repositoryPath(file);
        int failures = 0;
        for (Finding f : findings) {
            failures += f.severity() == Severity.ERROR ? 1 : 0;
        }
        out.raw(SUITE_NAME).xml(suite, true, true)
                .raw(SUITE_TESTS).number(Math.max(1, findings.size()))
                .raw(SUITE_FAILURES).number(failures)
                .ascii('"').raw(suiteMiddle).number(id).raw(suiteProperties);
        if (findings.isEmpty()) {
            out.raw(CLEAN_CASE).xml(suite, true, true).raw(CLEAN_CASE_END);
        }
        for (Finding f : findings) {
            writeCase(out, report, suite, f);
        }
        out.raw(SUITE_END);
    }

    private static void writeCase(Utf8Output out, ValidationReport report, String suite, Finding f) throws IOException {
        String path = report.repositoryPath(f.file());
        out.raw(CASE_NAME).xml(f.ruleId(), true, true).ascii(' ').xml(path, true, true).ascii(':').number(f.line())
                .raw(CASE_CLASSNAME).xml(suite, true, true).raw(CASE_BODY);
        if (f.severity() == Severity.ERROR) {
            out.raw(FAILURE_MESSAGE).xml(f.ruleId(), true, true).ascii("] ").xml(f.message(), true, true)
                    .raw(FAILURE_TYPE).xml(f.ruleId(), true, false).ascii("\">");
            out.xml(path, false, true).ascii(':').number(f.line()).ascii(':').number(f.column()).ascii(": ")
                    .xml(f.message(), false, true);
            if (f.hint() != null && !f.hint().isBlank()) {
                out.ascii("\nfix: ").xml(f.hint(), false, true);
            }
            out.raw(FAILURE_END);
        } else {
            out.raw(SYSTEM_OUT).xml(report.contentPrefix(), false, true).xml(f.toConsoleLine(), false, true)
                    .raw(SYSTEM_OUT_END);
        }
    }

    private static void attribute(Utf8Output out, String name, String value) throws IOException {
        out.ascii(' ').ascii(name).ascii("=\"").xml(value, true, false).ascii('"');
    }

    private static byte[] encode(String markup) {
        return Utf8Output.encode(markup);
    }
}
