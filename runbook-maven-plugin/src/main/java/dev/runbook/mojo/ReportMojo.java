package dev.runbook.mojo;

import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.report.GatePolicy;
import dev.runbook.report.ReleaseGate;
import dev.runbook.report.ReleaseGateRequest;
import dev.runbook.model.RunbookSeverity;
import dev.runbook.status.StatusSource;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The release gate for doc reviewers: reads the findings of {@code runbook:validate} and the results of
 * {@code runbook:smoke} (running neither), applies the policy below, and writes
 * {@code target/runbook/report.html} and {@code report.json}. Fails the build, with one paragraph naming the
 * runbooks that block the release, when the policy fails (unless {@code failBuild} is false). See docs/report.md.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractRunbookMojo {

    /** Skips {@code runbook:report} only; {@code runbook.skip} skips every goal. */
    @Parameter(property = RunbookProperties.REPORT_SKIP, defaultValue = "false")
    boolean skipReport;

    @Override
    protected boolean goalSkipped() {
        return skipReport;
    }

    @Override
    protected String goalSkipProperty() {
        return RunbookProperties.REPORT_SKIP;
    }

    /** Most error findings allowed (with a baseline: most new ones). -1: no limit. */
    @Parameter(property = RunbookProperties.REPORT_MAX_ERRORS, defaultValue = "0")
    int maxErrors;

    /** Most warning findings allowed (with a baseline: most new ones). -1: no limit. */
    @Parameter(property = RunbookProperties.REPORT_MAX_WARNINGS, defaultValue = "-1")
    int maxWarnings;

    /** Most TODO placeholders allowed (with a baseline: most new ones). -1: no limit. */
    @Parameter(property = RunbookProperties.REPORT_MAX_TODOS, defaultValue = "-1")
    int maxTodos;

    /** A runbook whose smoke checks fail blocks the release. */
    @Parameter(property = RunbookProperties.REPORT_FAIL_ON_FAILING_SMOKE, defaultValue = "true")
    boolean failOnFailingSmoke;

    /** Most runbooks allowed past their review date. -1: no limit. */
    @Parameter(property = RunbookProperties.REPORT_MAX_OVERDUE, defaultValue = "-1")
    int maxOverdue;

    /** Severities (P0..P4) whose runbooks must be verified by a recent smoke run, e.g. P0, P1. */
    @Parameter(property = RunbookProperties.REPORT_REQUIRE_VERIFIED_FOR)
    List<String> requireVerifiedFor;

    /** The last release's report.json (or a findings.json): only what is new since it counts against the limits. */
    @Parameter(property = RunbookProperties.REPORT_BASELINE)
    File baseline;

    /** Fail the build when the gate fails; false writes the report and goes on. */
    @Parameter(property = RunbookProperties.REPORT_FAIL_BUILD, defaultValue = "true")
    boolean failBuild;

    /** The site runbook:site builds; the standalone report links each runbook to its page there. */
    @Parameter(property = SiteMojo.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/runbook-site")
    File siteDirectory;

    /** The site's name, shown in the report's header as on the site. */
    @Parameter(property = SiteMojo.SITE_TITLE, defaultValue = dev.runbook.site.SiteRequest.DEFAULT_TITLE)
    String siteTitle;

    @Override
    protected void run() throws RunbookProblemException, SetupException, IOException {
        StatusSource status = statusSource();
        GatePolicy policy = new GatePolicy(maxErrors, maxWarnings, failOnFailingSmoke, maxOverdue, maxTodos, severities());
        new ReleaseGate().run(new ReleaseGateRequest(contentRoot(), layout(), status, buildDate(),
                baseline == null ? null : baseline.toPath(), policy, siteDirectory.toPath(), templatesOverride(), siteTitle,
                status.smokeEnvironment(), failBuild, runLog(), loadOptions()));
    }

    private Set<RunbookSeverity> severities() throws SetupException {
        Set<RunbookSeverity> out = EnumSet.noneOf(RunbookSeverity.class);
        if (requireVerifiedFor == null) {
            return out;
        }
        for (String value : requireVerifiedFor) {
            for (String part : value.split(",")) {
                String name = part.strip().toUpperCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    out.add(RunbookSeverity.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new SetupException(RunbookProperties.REPORT_REQUIRE_VERIFIED_FOR + ": '" + part.strip()
                            + "' is not a severity; use P0, P1, P2, P3 or P4");
                }
            }
        }
        return out;
    }
}
