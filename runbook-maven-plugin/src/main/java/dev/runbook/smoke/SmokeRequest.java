package dev.runbook.smoke;

import dev.runbook.core.OutputLayout;
import dev.runbook.core.RunLog;
import dev.runbook.load.LoadOptions;
import dev.runbook.smoke.env.EnvironmentOverrides;
import dev.runbook.smoke.run.RunnerOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * Everything one smoke run needs.
 *
 * @param environmentsFile     explicit environments file, or null for the default places
 *                             ({@code <contentRoot>/../runbook-environments.yaml}, then {@code <baseDirectory>/runbook-environments.yaml})
 * @param buildDirectory       {@code target/}: results go to {@code runbook/} and {@code runbook-reports/} below it
 * @param environmentVariables where secrets are read from: {@code System::getenv} in the build, a map in tests
 * @param allowSkipped         when false (the default) a check that did not run (deadline, parse error) fails
 *                             the goal like a failed one: what was not run was not proven
 * @param load                 which files are runbooks, and front-matter key aliases
 */
public record SmokeRequest(Path contentRoot, String environment, Path environmentsFile, Path baseDirectory,
                           EnvironmentOverrides overrides, Path buildDirectory, RunnerOptions options, boolean failBuild,
                           Function<String, String> environmentVariables, Clock clock, RunLog log, boolean allowSkipped,
                           LoadOptions load) {

    public SmokeRequest {
        load = load == null ? LoadOptions.DEFAULTS : load;
    }

    /** A request for the default selection of files ({@code *.md}). */
    public SmokeRequest(Path contentRoot, String environment, Path environmentsFile, Path baseDirectory,
                        EnvironmentOverrides overrides, Path buildDirectory, RunnerOptions options, boolean failBuild,
                        Function<String, String> environmentVariables, Clock clock, RunLog log, boolean allowSkipped) {
        this(contentRoot, environment, environmentsFile, baseDirectory, overrides, buildDirectory, options, failBuild,
                environmentVariables, clock, log, allowSkipped, LoadOptions.DEFAULTS);
    }

    /** A request that fails on skipped checks (the default: skipped is not proven). */
    public SmokeRequest(Path contentRoot, String environment, Path environmentsFile, Path baseDirectory,
                        EnvironmentOverrides overrides, Path buildDirectory, RunnerOptions options, boolean failBuild,
                        Function<String, String> environmentVariables, Clock clock, RunLog log) {
        this(contentRoot, environment, environmentsFile, baseDirectory, overrides, buildDirectory, options, failBuild,
                environmentVariables, clock, log, false);
    }

    /** Where this run keeps its results; the site and the report read them there. */
    public Path resultsJson() {
        return new OutputLayout(buildDirectory).smokeResultsJson();
    }

    public Path junitXml() {
        return new OutputLayout(buildDirectory).smokeJUnitXml();
    }
}
