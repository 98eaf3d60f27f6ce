package dev.runbook.core;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportInputsTest {

    @TempDir
    Path dir;
    Path content;
    Path report;
    Path findings;
    Path smoke;
    OutputLayout layout;

    @BeforeEach
    void made() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("a.md"), "# A\n");
        layout = new OutputLayout(dir.resolve("target"));
        report = Files.createDirectories(layout.workDirectory());
        findings = Files.writeString(report.resolve("findings.json"), "{\"version\":1,\"findings\":[]}");
        smoke = report.resolve("smoke-results.json");
        ReportInputs.record(layout, ReportInputs.digest(content, findings, smoke));
    }

    private boolean current() throws IOException {
        return ReportInputs.current(layout, ReportInputs.digest(content, findings, smoke));
    }

    @Test
    void aReportIsCurrentWhileNothingItWasMadeFromChanged() throws IOException {
        assertTrue(current());
    }

    @Test
    void anEditedRunbookMakesItStale() throws IOException {
        Files.writeString(content.resolve("a.md"), "# A, edited after the report\n");
        assertFalse(current());
    }

    @Test
    void newFindingsOrANewSmokeRunMakeItStale() throws IOException {
        Files.writeString(findings, "{\"version\":1,\"findings\":[{\"ruleId\":\"link.file\"}]}");
        assertFalse(current());
        made();
        Files.writeString(smoke, "{\"environment\":\"staging\"}");
        assertFalse(current());
    }

    @Test
    void aReportWithoutAStampIsNotCurrent() throws IOException {
        Files.delete(layout.reportInputs());
        assertFalse(current());
    }
}
