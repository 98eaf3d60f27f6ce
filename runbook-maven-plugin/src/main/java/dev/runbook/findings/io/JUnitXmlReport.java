package dev.runbook.findings.io;

import dev.runbook.core.AtomicFiles;
import dev.runbook.findings.Finding;
import dev.runbook.findings.ValidationReport;
import dev.runbook.findings.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * Written with StAX, so everything from content is escaped; characters XML 1.0 cannot carry are replaced.
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
        AtomicFiles.write(file, out -> {
            try {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuites");
                xml.writeAttribute("name", SUITES);
                xml.writeAttribute("tests", Integer.toString(tests));
                xml.writeAttribute("failures", Long.toString(failures));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("time", "0");
                xml.writeCharacters("\n");
                int id = 0;
                for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
                    writeSuite(xml, report, entry.getKey(), entry.getValue(), id++, timestamp, runId);
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
                w.flush();
            } catch (XMLStreamException e) {
                throw new IOException("could not write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static void writeSuite(XMLStreamWriter xml, ValidationReport report, String file, List<Finding> findings,
                                   int id, String timestamp, String runId) throws XMLStreamException {
        String suite = clean(report.repositoryPath(file));
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Integer.toString(Math.max(1, findings.size())));
        xml.writeAttribute("failures", Long.toString(findings.stream().filter(f -> f.severity() == Severity.ERROR).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
        xml.writeAttribute("timestamp", timestamp);
        xml.writeAttribute("id", Integer.toString(id));
        xml.writeCharacters("\n    ");
        // The same id as findings.json and the SARIF of this run, so a reader of several can tell they belong together.
        xml.writeStartElement("properties");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", "runbook.runId");
        xml.writeAttribute("value", runId);
        xml.writeEndElement();
        xml.writeCharacters("\n");
        if (findings.isEmpty()) {
            xml.writeCharacters("    ");
            xml.writeEmptyElement("testcase");
            xml.writeAttribute("name", CLEAN_CASE);
            xml.writeAttribute("classname", suite);
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n");
        }
        for (Finding f : findings) {
            writeCase(xml, report, suite, f);
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeCase(XMLStreamWriter xml, ValidationReport report, String suite, Finding f)
            throws XMLStreamException {
        String path = report.repositoryPath(f.file());
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(f.ruleId() + " " + path + ":" + f.line()));
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n      ");
        if (f.severity() == Severity.ERROR) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean("[" + f.ruleId() + "] " + f.message()));
            xml.writeAttribute("type", f.ruleId());
            xml.writeCharacters(clean(path + ":" + f.line() + ":" + f.column() + ": " + f.message()
                    + (f.hint() == null || f.hint().isBlank() ? "" : "\nfix: " + f.hint())));
        } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(report.contentPrefix() + f.toConsoleLine()));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Drops what XML 1.0 cannot hold at all (control chars, lone surrogates); escaping does the rest. */
    static String clean(String s) {
        int plain = 0;
        while (plain < s.length()) { // most strings hold nothing to drop: returned as they are, not copied
            char c = s.charAt(plain);
            if ((c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
                plain++;
            } else {
                break;
            }
        }
        if (plain == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out.toString();
    }
}
