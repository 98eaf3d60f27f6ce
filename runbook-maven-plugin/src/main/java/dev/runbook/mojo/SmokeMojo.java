package dev.runbook.mojo;

import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.core.time.Durations;
import dev.runbook.smoke.SmokeRequest;
import dev.runbook.smoke.SmokeSession;
import dev.runbook.smoke.env.EnvironmentOverrides;
import dev.runbook.smoke.run.RunnerOptions;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code smoke} blocks of every runbook against one environment and writes
 * {@code target/runbook/smoke-results.json} and {@code target/runbook-reports/TEST-runbook-smoke.xml}.
 * Does nothing unless an environment is chosen with {@code -Drunbook.env=…}.
 */
@Mojo(name = "smoke", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class SmokeMojo extends AbstractRunbookMojo {

    /** Skips {@code runbook:smoke} only; {@code runbook.skip} skips every goal. */
    @Parameter(property = RunbookProperties.SMOKE_SKIP, defaultValue = "false")
    boolean skipSmoke;

    @Override
    protected boolean goalSkipped() {
        return skipSmoke;
    }

    @Override
    protected String goalSkipProperty() {
        return RunbookProperties.SMOKE_SKIP;
    }

    /** The environment to run against, a top-level key of the environments file. Without it the goal skips. */
    @Parameter(property = RunbookProperties.ENV)
    String environment;

    /**
     * The environments file. Default: {@code runbook-environments.yaml} beside the content folder, else in
     * this module's folder. The old property {@code runbook.environmentsFile} is still read, with a warning.
     */
    @Parameter(property = RunbookProperties.SMOKE_ENVIRONMENTS_FILE)
    File environmentsFile;

    /** Fail the build when a block fails or cannot run. */
    @Parameter(property = RunbookProperties.SMOKE_FAIL_BUILD, defaultValue = "true")
    boolean failBuild;

    /**
     * Accept checks that did not run (the run's deadline passed, the block does not parse) instead of failing
     * the build. Either way their runbooks stay unverified: a skipped check proves nothing.
     */
    @Parameter(property = RunbookProperties.SMOKE_ALLOW_SKIPPED, defaultValue = "false")
    boolean allowSkipped;

    /** How many blocks run at once. */
    @Parameter(property = RunbookProperties.SMOKE_CONCURRENCY, defaultValue = "4")
    int concurrency;

    /** Deadline for the whole run (e.g. 5m, 90s); blocks not done by then are reported as skipped. */
    @Parameter(property = RunbookProperties.SMOKE_DEADLINE, defaultValue = "5m")
    String deadline;


    /** Variables added to (or overriding) the chosen environment's, from the POM. On the command line use {@code variablesProperty}. */
    @Parameter
    Map<String, String> variables;

    /**
     * The property form of {@code variables}: {@code name=value} pairs, comma-separated, e.g.
     * {@code -Drunbook.smoke.variables=api=https://api.staging.example.com,region=eu}; an entry overrides the
     * POM's entry of the same name.
     */
    @Parameter(property = RunbookProperties.SMOKE_VARIABLES)
    String variablesProperty;

    /** Secret names (environment variables) added to the chosen environment's. Comma-separated as a property. */
    @Parameter(property = RunbookProperties.SMOKE_SECRETS)
    List<String> secrets;

    /** Hosts added to the chosen environment's allowlist. Comma-separated as a property. */
    @Parameter(property = RunbookProperties.SMOKE_ALLOWED_HOSTS)
    List<String> allowedHosts;

    /** PEM files (relative to this module) trusted for the chosen environment. Comma-separated as a property. */
    @Parameter(property = RunbookProperties.SMOKE_TRUST)
    List<String> trust;

    @Override
    protected void run() throws RunbookProblemException, SetupException, IOException {
        if (environment == null || environment.isBlank()) {
            getLog().info("runbook: no environment chosen (-D" + RunbookProperties.ENV + "=…); smoke checks skipped");
            return;
        }
        Duration runDeadline = duration(RunbookProperties.SMOKE_DEADLINE, deadline);
        smokeMaxAge(); // checked here so that a typo fails before any check runs
        String environments = aliases().value(RunbookProperties.SMOKE_ENVIRONMENTS_FILE,
                environmentsFile == null ? null : environmentsFile.getPath(), null);
        Map<String, String> allVariables;
        try {
            allVariables = PropertyAliases.mergeMap(RunbookProperties.SMOKE_VARIABLES, variables, variablesProperty);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage());
        }
        SmokeRequest request = new SmokeRequest(contentRoot(), environment.strip(),
                environments == null ? null : baseDirectory().resolve(environments), baseDirectory(),
                new EnvironmentOverrides(allVariables, secrets, allowedHosts, trust), buildPath(),
                new RunnerOptions(concurrency, runDeadline, RunnerOptions.DEFAULTS.backoff()), failBuild,
                System::getenv, Clock.systemUTC(), runLog(), allowSkipped, loadOptions());
        SmokeSession.run(request);
    }

    private static Duration duration(String property, String value) throws SetupException {
        Duration d = Durations.duration(property, value);
        if (d.isZero()) {
            throw new SetupException(property + " is '" + value + "'; write a duration longer than zero, such as 90s, 5m or 7d");
        }
        return d;
    }
}
