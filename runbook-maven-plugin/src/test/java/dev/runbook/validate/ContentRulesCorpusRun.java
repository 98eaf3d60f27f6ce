package dev.runbook.validate;

import dev.runbook.validate.run.Rules;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the content rules over a folder of real runbooks and prints counts per rule and every finding.
 * Not a test: a tool for reading findings on public corpora, run by hand with
 * {@code java -cp target/classes:target/test-classes:<deps> dev.runbook.validate.ContentRulesCorpusRun DIR...}.
 */
public final class ContentRulesCorpusRun {

    private ContentRulesCorpusRun() {
    }

    public static void main(String[] args) throws Exception {
        RunLog log = new RunLog() {
            @Override
            public void info(String message) {
                System.err.println("[info] " + message);
            }

            @Override
            public void warn(String message) {
                System.err.println("[warn] " + message);
            }

            @Override
            public void debug(String message) {
            }
        };
        List<Rule> rules = Rules.builtIn(RuleSettings.defaults()).rules();
        for (String dir : args) {
            LoadedContent content = new ContentLoader().load(Path.of(dir));
            ValidationContext context = new ValidationContext(content, LocalDate.now(), Path.of("target"), log);
            List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
            Map<String, Integer> counts = new TreeMap<>();
            for (Rule rule : rules) {
                counts.put(rule.id(), 0);
            }
            for (Runbook runbook : content.runbooks()) {
                for (Rule rule : rules) {
                    try {
                        rule.check(runbook, context, findings::add);
                    } catch (RuntimeException e) {
                        System.out.println("CRASH " + rule.id() + " on " + runbook.relativePath() + ": " + e);
                        e.printStackTrace(System.out);
                    }
                }
            }
            findings.sort(Finding.ORDER);
            for (Finding finding : findings) {
                counts.merge(finding.ruleId(), 1, Integer::sum);
                System.out.println(finding.toConsoleLine());
            }
            System.out.println("== " + dir + ": " + content.runbooks().size() + " runbooks, loader findings "
                    + content.findings().size());
            counts.forEach((rule, count) -> System.out.println("COUNT " + rule + " " + count));
        }
    }
}
