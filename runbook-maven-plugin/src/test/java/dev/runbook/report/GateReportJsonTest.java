package dev.runbook.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateReportJsonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    @Test
    void aWrittenReportIsTheNextReleasesBaseline() throws Exception {
        Runbook first = parse("a.md", "# A\n");
        Runbook second = parse("b.md", "# B\n");
        Finding todo = new Finding("placeholder.todo", Severity.ERROR, "a.md", 3, 5, "TODO left in the text", "finish it");
        GateReport report = evaluate(List.of(first, second), List.of(todo), null);
        Path file = dir.resolve("report.json");
        GateReportJson.write(report, List.of(first, second), file);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertFalse(json.get("passed").asBoolean());
        assertEquals("maxErrors", json.get("violations").get(0).get("rule").asText());
        assertEquals(1, json.get("totals").get("todos").asInt());

        GateBaseline baseline = GateReportJson.readBaseline(file);
        assertEquals(List.of(todo), baseline.findings());
        assertEquals(2, baseline.runbookHashes().size());

        Runbook edited = parse("b.md", "# B\n\nA new step.\n");
        BaselineComparison since = evaluate(List.of(first, edited), List.of(todo), baseline).sinceBaseline();
        assertEquals(List.of("b.md"), since.changedRunbooks());
        assertTrue(since.newFindings().isEmpty());
    }

    @Test
    void aFindingsJsonWithoutHashesIsAlsoABaseline() throws Exception {
        Path file = dir.resolve("findings.json");
        Files.writeString(file, "{\"findings\":[{\"ruleId\":\"link.file\",\"severity\":\"error\",\"file\":\"a.md\","
                + "\"line\":4,\"column\":2,\"message\":\"missing\"}]}");
        GateBaseline baseline = GateReportJson.readBaseline(file);
        assertEquals(1, baseline.findings().size());
        assertTrue(baseline.runbookHashes().isEmpty());
    }

    @Test
    void anUnreadableBaselineIsASetupErrorThatSaysWhatToGive() throws Exception {
        Path file = dir.resolve("nonsense.json");
        Files.writeString(file, "[1, 2]");
        SetupException e = assertThrows(SetupException.class, () -> GateReportJson.readBaseline(file));
        assertTrue(e.getMessage().contains("no \"findings\" list"), e.getMessage());
    }

    private static GateReport evaluate(List<Runbook> runbooks, List<Finding> findings, GateBaseline baseline) {
        StatusSource status = StatusSource.reviewOnly(new ReviewSchedule(null), TODAY);
        return new GateEvaluator(GatePolicy.defaults()).evaluate(new GateInput(runbooks, findings, status, TODAY, baseline, null));
    }

    private static Runbook parse(String path, String text) {
        return ContentLoader.parse(path, Path.of(path), SourceText.of(text), new ArrayList<>());
    }
}
