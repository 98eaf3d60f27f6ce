package dev.runbook.validate;

import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.validate.policy.ValidationResult;
import dev.runbook.validate.run.Rules;
import dev.runbook.validate.run.Validator;
import dev.runbook.validate.policy.Baseline;
import dev.runbook.validate.policy.SeverityOverrides;
import dev.runbook.validate.policy.ValidationPolicy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The precision harness (issue #20): validates a folder of real runbooks offline with every built-in rule
 * (content rules included, ShellCheck when installed, default settings) and prints each finding grouped by
 * rule, then one count line per rule and severity. Reviewing each group by hand gives the true/false counts
 * in docs/validate.md ("How accurate is each rule"); a change that adds noise shows as a changed count.
 * Run through {@code bench/precision.sh CORPUS_FOLDER [allowed,front-matter,keys]}.
 */
public final class PrecisionRun {

    private PrecisionRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Set<String> allowedKeys = Set.of(args.length > 1 ? args[1].split(",") : new String[0]);
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
        LoadedContent content = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, log).load(root);
        Rules catalog = Rules.builtIn(RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true))
                .withAllowedFrontMatterKeys(allowedKeys));
        List<String> ids = catalog.describedRules().stream().map(Rule::id).toList();
        ValidationResult result = new Validator(catalog.rules(), new ValidationPolicy(SeverityOverrides.NONE, Baseline.EMPTY, ids))
                .validate(new ValidationContext(content, LocalDate.of(2026, 11, 22), Path.of("target/precision-run"), log));
        Map<String, List<Finding>> byRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            byRule.computeIfAbsent(f.ruleId() + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT),
                    k -> new ArrayList<>()).add(f);
        }
        byRule.forEach((rule, findings) -> {
            System.out.println("== " + rule + " (" + findings.size() + ")");
            findings.forEach(f -> System.out.println(f.toConsoleLine()));
        });
        System.out.println("== " + root + ": " + content.runbooks().size() + " runbooks");
        byRule.forEach((rule, findings) -> System.out.println("COUNT " + rule + " " + findings.size()));
    }
}
