package dev.runbook.validate;

import dev.runbook.validate.policy.ValidationResult;
import dev.runbook.validate.run.Rules;
import dev.runbook.validate.run.Validator;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.policy.Baseline;
import dev.runbook.validate.policy.SeverityOverrides;
import dev.runbook.validate.policy.ValidationPolicy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the built-in rules offline over a folder of runbooks and prints counts per rule and every finding.
 * For trying the validator on real corpora by hand (not a unit test):
 * {@code ./mvnw -q -pl runbook-maven-plugin exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.runbook.validate.CorpusRun -Dexec.args="/path/to/content [allowed,front-matter,keys]"}
 */
public final class CorpusRun {

    private CorpusRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        RunLog log = new RunLog() {
            @Override
            public void info(String message) {
                System.out.println("INFO " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }

            @Override
            public void debug(String message) {
            }
        };
        LoadedContent content = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, log).load(root);
        Rules catalog = Rules.builtIn(RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true))
                .withAllowedFrontMatterKeys(java.util.Set.of(args.length > 1 ? args[1].split(",") : new String[0])));
        List<String> ids = catalog.describedRules().stream().map(Rule::id).toList();
        ValidationResult result = new Validator(catalog.rules(), new ValidationPolicy(SeverityOverrides.NONE, Baseline.EMPTY, ids))
                .validate(new ValidationContext(content, LocalDate.of(2026, 11, 22), Path.of("target/corpus-run"), log));
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : result.findings()) {
            counts.merge(f.ruleId(), 1, Integer::sum);
            System.out.println(f.toConsoleLine());
        }
        System.out.println("runbooks: " + content.runbooks().size() + ", findings per rule: " + counts);
    }
}
