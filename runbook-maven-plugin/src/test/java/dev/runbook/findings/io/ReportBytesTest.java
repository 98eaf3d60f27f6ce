package dev.runbook.findings.io;

import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.findings.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Readers diff reports across plugin versions, so a report's bytes only change on purpose. The expected
 * files under {@code reports-bytes/} were written by the Jackson and StAX writers (at 6630376) from
 * {@link #tricky()}: every kind of character the escapings and the SARIF URIs treat differently, in paths,
 * messages and hints, with a message that quotes a line (the fingerprint blanks it), an unknown rule (no
 * ruleIndex), a blank hint, a file beside the content folder and baselined findings. The JUnit XML's
 * timestamp is the time of the run and is masked.
 */
class ReportBytesTest {

    @TempDir
    Path temp;

    static ValidationReport tricky() {
        // Rules of its own, not the catalog's: a reworded rule description must not look like a writer change.
        List<RuleInfo> rules = List.of(new RuleInfo("link.file", Severity.ERROR, "Links to files resolve."),
                new RuleInfo("command.prompt", Severity.INFO, "No shell prompt in a code block", "command-prompt"),
                new RuleInfo("structure.duplicate-id", Severity.WARNING, "Heading ids are \"unique\" <per> page & é😀"));
        List<Finding> findings = new ArrayList<>(List.of(
                new Finding("link.file", Severity.ERROR, "../alerts/x.yaml", 3, 1, "alert links to a missing runbook", null),
                new Finding("link.file", Severity.ERROR, "a b/#100%/é😀.md", 1, 2,
                        "link 'x<y>&\"z\".md' \\ points to … nowhere \u2028 \u0001\u001f \ufffe 😀 \ud800 lone", "fix: it 😀"),
                new Finding("structure.duplicate-id", Severity.WARNING, "a b/#100%/é😀.md", 12, 1,
                        "same id as the heading on line 12 and Lines 3-4", "  "),
                new Finding("command.prompt", Severity.INFO, "ops/restart.md", 9, 7, "prompt \"$ \" in a code block\tend",
                        "drop the \"$ \" prompt"),
                new Finding("no.such-rule", Severity.WARNING, "ops/restart.md", 10, 1, "an unknown rule's finding",
                        "a hint with a\nnew line")));
        findings.sort(Finding.ORDER);
        return new ValidationReport(LocalDate.of(2026, 11, 22), List.of("a b/#100%/é😀.md", "clean.md", "ops/restart.md"),
                findings, List.of(new Finding("link.file", Severity.ERROR, "clean.md", 1, 1, "old \"one\" on line 4", null)),
                rules, "content");
    }

    @Test
    void findingsJsonIsByteForByteWhatThePreviousWriterWrote() throws IOException {
        Path file = temp.resolve("findings.json");
        FindingsJson.write(tricky(), "1.2.3", file);
        assertEquals(expected("findings.json"), Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void sarifIsByteForByteWhatThePreviousWriterWrote() throws IOException {
        Path file = temp.resolve("findings.sarif");
        SarifReport.write(tricky(), "1.2.3", file);
        assertEquals(expected("findings.sarif"), Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void junitXmlIsByteForByteWhatThePreviousWriterWroteButItsTimestamp() throws IOException {
        Path file = temp.resolve("TEST-runbook-validate.xml");
        JUnitXmlReport.write(tricky(), file);
        assertEquals(maskTimestamps(expected("TEST-runbook-validate.xml")), maskTimestamps(Files.readString(file, StandardCharsets.ISO_8859_1)));
    }

    private static String maskTimestamps(String xml) {
        return xml.replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"(run time)\"");
    }

    private String expected(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reports-bytes/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // byte for byte
        }
    }
}
