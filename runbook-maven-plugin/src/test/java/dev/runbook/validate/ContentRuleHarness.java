package dev.runbook.validate;

import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Runs one content rule over Markdown given as a string, through the real loader, and collects its findings. */
public final class ContentRuleHarness {

    public static final String FILE = "ops/runbook.md";

    private ContentRuleHarness() {
    }

    public static List<Finding> run(Rule rule, String markdown) {
        return run(rule, SourceText.of(markdown), new ArrayList<>());
    }

    public static List<Finding> run(Rule rule, SourceText source, List<String> warnings) {
        List<Finding> loaderFindings = new ArrayList<>();
        Runbook runbook = ContentLoader.parse(FILE, Path.of(FILE), source, loaderFindings);
        RunLog log = new RunLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public void debug(String message) {
            }
        };
        LoadedContent content = new LoadedContent(Path.of("."), List.of(runbook), loaderFindings);
        ValidationContext context = new ValidationContext(content, LocalDate.of(2026, 11, 22), Path.of("target"), log);
        List<Finding> findings = new ArrayList<>();
        rule.check(runbook, context, findings::add);
        findings.sort(Finding.ORDER);
        return findings;
    }

    /** {@code line:col} of each finding, for compact position assertions. */
    public static List<String> positions(List<Finding> findings) {
        return findings.stream().map(f -> f.line() + ":" + f.column()).toList();
    }
}
