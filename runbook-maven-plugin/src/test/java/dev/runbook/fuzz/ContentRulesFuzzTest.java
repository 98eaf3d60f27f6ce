package dev.runbook.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.encoding.MojibakeRule;
import dev.runbook.validate.placeholders.FillInFinder;
import dev.runbook.validate.placeholders.PlaceholderMatch;
import dev.runbook.validate.placeholders.TodoFinder;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz targets for the content rules' detectors: the TODO and fill-in placeholder finders (matches lie
 * inside the line they were found in and carry its text) and the mojibake rule (findings point into the file).
 */
class ContentRulesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void placeholderFinders(FuzzedDataProvider data) {
        boolean code = data.consumeBoolean();
        boolean markup = data.consumeBoolean();
        String line = data.consumeRemainingAsString();
        List<PlaceholderMatch> found = new ArrayList<>();
        TodoFinder todos = new TodoFinder(List.of("TODO", "TBD", "FIXME", "XXX"), List.of());
        FillInFinder fillIns = new FillInFinder(List.of());
        found.addAll(code ? todos.inCode(line) : todos.inProse(line));
        found.addAll(code ? fillIns.inCode(line, markup) : fillIns.inProse(line));
        for (PlaceholderMatch match : found) {
            assertTrue(0 <= match.start() && match.start() < match.end() && match.end() <= line.length(), match.toString());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void mojibakeRule(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<Finding> findings = new ArrayList<>();
        Runbook runbook = ContentLoader.parse("fuzz.md", Path.of("fuzz.md"), SourceText.of(text), findings);
        LoadedContent content = new LoadedContent(Path.of("."), List.of(runbook), List.of());
        ValidationContext context = new ValidationContext(content, LocalDate.of(2026, 11, 22), Path.of("target"), RunLog.SILENT);
        List<Finding> reported = new ArrayList<>();
        new MojibakeRule().check(runbook, context, reported::add);
        int lines = runbook.source().lineCount();
        for (Finding finding : reported) {
            assertTrue(finding.line() >= 1 && finding.line() <= lines && finding.column() >= 1, finding.toConsoleLine());
        }
    }
}
