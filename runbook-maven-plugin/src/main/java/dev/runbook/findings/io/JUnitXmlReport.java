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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code target/runbook-reports/TEST-runbook-validate.xml}, shaped like a Surefire report so CI test
 * views show it: one testcase per runbook (and per unreadable file), one {@code <failure>} per error
 * finding with {@code file:line:col}, warnings and hints in {@code <system-out>}. Written with StAX, so
 * everything from content is escaped; characters XML 1.0 cannot carry are replaced.
 */
public final class JUnitXmlReport {

    static final String SUITE = "runbook.validate";

    private JUnitXmlReport() {
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        TreeSet<String> files = new TreeSet<>(report.runbooks());
        report.findings().forEach(f -> files.add(f.file()));
        files.forEach(f -> byFile.put(f, new ArrayList<>()));
        report.findings().forEach(f -> byFile.get(f.file()).add(f));
        long failures = byFile.values().stream().filter(l -> l.stream().anyMatch(f -> f.severity() == Severity.ERROR)).count();
        AtomicFiles.write(file, out -> {
            try {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", SUITE);
                xml.writeAttribute("tests", Integer.toString(byFile.size()));
                xml.writeAttribute("failures", Long.toString(failures));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                xml.writeAttribute("time", "0");
                // The time of this run (UTC, as Surefire writes it), not the build's pinned output date: CI views
                // show it as when the checks ran.
                xml.writeAttribute("timestamp", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
                xml.writeCharacters("\n");
                for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
                    writeCase(xml, report, entry.getKey(), entry.getValue());
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

    private static void writeCase(XMLStreamWriter xml, ValidationReport report, String file, List<Finding> findings)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(report.repositoryPath(file)));
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("time", "0");
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            String located = report.repositoryPath(f.file()) + ":" + f.line() + ":" + f.column();
            if (f.severity() == Severity.ERROR) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean("[" + f.ruleId() + "] " + f.message()));
                xml.writeAttribute("type", f.ruleId());
                xml.writeCharacters(clean(located + ": " + f.message() + (f.hint() == null ? "" : "\nfix: " + f.hint())));
                xml.writeEndElement();
            } else {
                out.append(report.contentPrefix()).append(f.toConsoleLine()).append('\n');
            }
        }
        if (!out.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(out.toString()));
            xml.writeEndElement();
        }
        if (!findings.isEmpty()) {
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Drops what XML 1.0 cannot hold at all (control chars, lone surrogates); escaping does the rest. */
    static String clean(String s) {
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
