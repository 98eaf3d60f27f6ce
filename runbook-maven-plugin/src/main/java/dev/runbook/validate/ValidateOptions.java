package dev.runbook.validate;

import dev.runbook.core.OutputLayout;
import dev.runbook.validate.policy.FailOn;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code runbook:validate} is configured with.
 *
 * @param contentRoot     the folder of runbooks
 * @param projectBase     the Maven project's folder (the repository root is looked up from here)
 * @param buildDirectory  {@code target/}: reports go to {@code runbook/} and {@code runbook-reports/} below it
 * @param severities      rule id → off|warning|error
 * @param baseline        an earlier findings.json whose findings are accepted, or null
 * @param rules           settings of the built-in rules
 * @param contentRules    rules contributed by the content-rule packages (placeholders, commands, …)
 * @param contentSettings the settings {@code contentRules} were made from, or null when the caller made them
 *                        otherwise (then every run does the work: see {@link ValidationInputs}, which must
 *                        also learn of any component added here)
 */
public record ValidateOptions(Path contentRoot, Path projectBase, Path buildDirectory, LocalDate buildDate,
                              FailOn failOn, Map<String, String> severities, Path baseline,
                              RuleSettings rules, List<Rule> contentRules,
                              String toolVersion, ContentRuleSettings contentSettings) {

    public ValidateOptions {
        severities = severities == null ? Map.of() : Map.copyOf(severities);
        contentRules = List.copyOf(contentRules);
    }

    /** Options whose content rules come with no settings: no up-to-date check. */
    public ValidateOptions(Path contentRoot, Path projectBase, Path buildDirectory, LocalDate buildDate, FailOn failOn,
                           Map<String, String> severities, Path baseline, RuleSettings rules, List<Rule> contentRules,
                           String toolVersion) {
        this(contentRoot, projectBase, buildDirectory, buildDate, failOn, severities, baseline, rules, contentRules,
                toolVersion, null);
    }

    /** Where the reports go, and where validate's caches and up-to-date record live. */
    public OutputLayout layout() {
        return new OutputLayout(buildDirectory);
    }

    public Path workDirectory() {
        return layout().workDirectory();
    }
}
