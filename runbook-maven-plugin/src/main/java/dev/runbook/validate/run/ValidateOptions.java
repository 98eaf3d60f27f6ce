package dev.runbook.validate.run;

import dev.runbook.validate.RuleSettings;
import dev.runbook.core.OutputLayout;
import dev.runbook.load.LoadOptions;
import dev.runbook.validate.policy.FailOn;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything {@code runbook:validate} is configured with.
 *
 * @param contentRoot     the folder of runbooks
 * @param projectBase     the Maven project's folder (the repository root is looked up from here)
 * @param buildDirectory  {@code target/}: the files below it are named by {@link #layout()}
 * @param severities      rule id → off|warning|error
 * @param baseline        an earlier findings.json whose findings are accepted, or null
 * @param rules           the one settings record of the built-in rules
 * @param load            which files are runbooks, and front-matter key aliases
 */
public record ValidateOptions(Path contentRoot, Path projectBase, Path buildDirectory, LocalDate buildDate,
                              FailOn failOn, Map<String, String> severities, Path baseline,
                              RuleSettings rules, String toolVersion, LoadOptions load) {

    public ValidateOptions {
        severities = severities == null ? Map.of() : Map.copyOf(severities);
        load = load == null ? LoadOptions.DEFAULTS : load;
    }

    /** Options for the default selection of files ({@code *.md}). */
    public ValidateOptions(Path contentRoot, Path projectBase, Path buildDirectory, LocalDate buildDate, FailOn failOn,
                           Map<String, String> severities, Path baseline, RuleSettings rules, String toolVersion) {
        this(contentRoot, projectBase, buildDirectory, buildDate, failOn, severities, baseline, rules, toolVersion,
                LoadOptions.DEFAULTS);
    }

    /** Where the reports go, and where validate's caches and up-to-date record live. */
    public OutputLayout layout() {
        return new OutputLayout(buildDirectory);
    }

    public Path workDirectory() {
        return layout().workDirectory();
    }
}
