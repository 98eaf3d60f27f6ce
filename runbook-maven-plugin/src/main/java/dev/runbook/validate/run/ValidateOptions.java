package dev.runbook.validate.run;

import dev.runbook.validate.RuleSettings;
import dev.runbook.core.OutputLayout;
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
 */
public record ValidateOptions(Path contentRoot, Path projectBase, Path buildDirectory, LocalDate buildDate,
                              FailOn failOn, Map<String, String> severities, Path baseline,
                              RuleSettings rules, String toolVersion) {

    public ValidateOptions {
        severities = severities == null ? Map.of() : Map.copyOf(severities);
    }

    /** Where the reports go, and where validate's caches and up-to-date record live. */
    public OutputLayout layout() {
        return new OutputLayout(buildDirectory);
    }

    public Path workDirectory() {
        return layout().workDirectory();
    }
}
