package dev.runbook.smoke.results;

import dev.runbook.core.AtomicFiles;
import dev.runbook.secrets.Redactor;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Surefire-shaped {@code TEST-runbook-smoke.xml}: one testcase per block, classname = runbook path, so CI
 * servers list smoke checks beside unit tests.
 */
public final class SmokeJUnitXml {


    private SmokeJUnitXml() {
    }

    public static void write(Path file, SmokeResults run, Redactor redactor) throws IOException {
        AtomicFiles.write(file, out -> {
            try {
                OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "runbook-smoke");
                xml.writeAttribute("tests", String.valueOf(run.results().size()));
                xml.writeAttribute("failures", String.valueOf(run.count(Outcome.FAIL)));
                xml.writeAttribute("errors", String.valueOf(run.count(Outcome.ERROR)));
                xml.writeAttribute("skipped", String.valueOf(run.count(Outcome.SKIPPED)));
                xml.writeAttribute("time", seconds(run.durationMs()));
                xml.writeAttribute("timestamp", run.startedAt().toString());
                xml.writeCharacters("\n");
                xml.writeStartElement("properties");
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", "runbook.env");
                xml.writeAttribute("value", run.environment());
                xml.writeEndElement();
                xml.writeCharacters("\n");
                for (CheckResult r : run.results()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", clean(redactor.redact(r.name())));
                    xml.writeAttribute("classname", r.runbook());
                    xml.writeAttribute("time", seconds(r.durationMs()));
                    String message = clean(redactor.redact(r.message()));
                    switch (r.outcome()) {
                        case FAIL, ERROR -> {
                            xml.writeStartElement(r.outcome() == Outcome.FAIL ? "failure" : "error");
                            xml.writeAttribute("message", message);
                            xml.writeAttribute("type", "smoke." + r.outcome().label());
                            xml.writeCharacters(r.runbook() + ":" + r.line() + ": " + message + " (attempts: " + r.attempts() + ")");
                            xml.writeEndElement();
                        }
                        case SKIPPED -> {
                            xml.writeEmptyElement("skipped");
                            xml.writeAttribute("message", message);
                        }
                        default -> {
                        }
                    }
                    if (r.steps().size() > 1) {
                        // Every step of a multi-step block, so CI shows which passed before the one that failed.
                        StringBuilder stepLines = new StringBuilder();
                        for (int i = 0; i < r.steps().size(); i++) {
                            StepResult step = r.steps().get(i);
                            stepLines.append("step ").append(i + 1).append(" (").append(redactor.redact(step.label())).append("): ")
                                    .append(step.outcome().label());
                            if (!step.message().isEmpty()) {
                                stepLines.append(": ").append(redactor.redact(step.message()));
                            }
                            stepLines.append('\n');
                        }
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(clean(stepLines.toString()));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.flush();
                xml.close();
                writer.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** XML 1.0 cannot carry most control characters, even escaped; a server's body may contain them. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }
}
