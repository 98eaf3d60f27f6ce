package dev.runbook.report;

import dev.runbook.core.OutputLayout;
import dev.runbook.core.RunLog;
import dev.runbook.load.LoadOptions;
import dev.runbook.status.StatusSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything one {@code runbook:report} run needs.
 *
 * @param layout            the build folder's files: the findings of the last {@code runbook:validate} run are
 *                          read from it, the smoke results stamped, and report.html, report-site.html and
 *                          report.json written to it
 * @param status            each runbook's status: the same source the site's status page uses
 * @param baseline          an earlier report.json or findings.json to compare with; may be null
 * @param siteDirectory     the site {@code runbook:site} builds, for links from the standalone report
 * @param templatesOverride the site's template override folder; may be null
 * @param smokeEnvironment  the environment the smoke results came from, or null
 * @param load              which files are runbooks, and front-matter key aliases
 */
public record ReleaseGateRequest(Path contentRoot, OutputLayout layout, StatusSource status, LocalDate buildDate,
                                 Path baseline, GatePolicy policy, Path siteDirectory,
                                 Path templatesOverride, String siteTitle, String smokeEnvironment, boolean failBuild,
                                 RunLog log, LoadOptions load) {

    /** A request for the default selection of files ({@code *.md}). */
    public ReleaseGateRequest(Path contentRoot, OutputLayout layout, StatusSource status, LocalDate buildDate,
                              Path baseline, GatePolicy policy, Path siteDirectory, Path templatesOverride,
                              String siteTitle, String smokeEnvironment, boolean failBuild, RunLog log) {
        this(contentRoot, layout, status, buildDate, baseline, policy, siteDirectory, templatesOverride, siteTitle,
                smokeEnvironment, failBuild, log, LoadOptions.DEFAULTS);
    }

    public ReleaseGateRequest {
        Objects.requireNonNull(contentRoot, "contentRoot");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(buildDate, "buildDate");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(siteDirectory, "siteDirectory");
        siteTitle = siteTitle == null || siteTitle.isBlank() ? dev.runbook.site.SiteRequest.DEFAULT_TITLE : siteTitle.strip();
        log = log == null ? RunLog.SILENT : log;
        load = load == null ? LoadOptions.DEFAULTS : load;
    }
}
