package dev.runbook.site;

import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.LoadedContent;
import dev.runbook.status.StatusSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one site build needs. Content is loaded by the caller, once.
 *
 * @param outputDirectory   the finished site; built beside it and swapped in
 * @param stateFile         the incremental-build manifest (hashes of what the last build used)
 * @param templatesOverride a folder whose files replace the bundled theme's, file by file; may be null
 * @param baseUrl           absolute URL the site is published at, for canonical links; may be null
 * @param buildDate         "today" for review deadlines and the footer (the real date unless runbook.asOf pins it)
 * @param pluginVersion     part of the manifest: a new plugin version rebuilds everything
 * @param threads           pages rendered in parallel
 * @param findings          the last validation's findings (from findings.json); each page shows its own
 * @param reportPage        the release report rendered for the site root ({@code runbook:report} writes it); copied
 *                          to {@code report.html} and linked from the navigation when the file exists; may be null
 * @param allowRemoteImages {@code runbook.site.allowRemoteImages}: the pages' Content-Security-Policy lets images
 *                          load from other hosts (off: only the site's own images and {@code data:} URLs)
 * @param builtOn           the day the site was built, when it differs from {@code buildDate} (runbook.asOf pins
 *                          "now"): the footer then shows "statuses as of" and "built"; else null
 * @param editUrl           where a runbook's source is edited, {@code {path}} standing for its path in the content
 *                          folder (e.g. {@code https://github.com/org/repo/edit/main/content/{path}}); may be null
 * @param alerts            the alert rules ↔ runbooks cross-check when {@code alertRules} is configured: each runbook an
 *                          alert links to shows the alert, and {@code alerts.html} lists every alert; null when off
 * @param searchCache       the site's cache of each page's search text ({@code OutputLayout.searchSectionsCache()}),
 *                          so that unchanged pages are not parsed for the index; null: none
 */
public record SiteRequest(
        LoadedContent content,
        Path outputDirectory,
        Path stateFile,
        Path templatesOverride,
        String siteTitle,
        String baseUrl,
        boolean includeDrafts,
        StatusSource status,
        LocalDate buildDate,
        String pluginVersion,
        int threads,
        RunLog log,
        List<Finding> findings,
        Path reportPage,
        boolean allowRemoteImages,
        String editUrl,
        LocalDate builtOn,
        dev.runbook.alerts.AlertLinks alerts,
        Path searchCache) {

    public static final String DEFAULT_TITLE = "Runbooks";

    /** The report page to publish, or null when there is none (no report run yet). */
    public Path reportPageIfPresent() {
        return reportPage != null && java.nio.file.Files.isRegularFile(reportPage) ? reportPage : null;
    }

    public SiteRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(buildDate, "buildDate");
        siteTitle = siteTitle == null || siteTitle.isBlank() ? DEFAULT_TITLE : siteTitle.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        pluginVersion = pluginVersion == null ? "dev" : pluginVersion;
        threads = Math.max(1, threads);
        log = log == null ? RunLog.SILENT : log;
        findings = findings == null ? List.of() : List.copyOf(findings);
        editUrl = editUrl == null || editUrl.isBlank() ? null : editUrl.strip();
        builtOn = buildDate.equals(builtOn) ? null : builtOn;
    }

    /** A build without a search cache on disk. */
    public SiteRequest(LoadedContent content, Path outputDirectory, Path stateFile, Path templatesOverride, String siteTitle,
                       String baseUrl, boolean includeDrafts, StatusSource status, LocalDate buildDate, String pluginVersion,
                       int threads, RunLog log, List<Finding> findings, Path reportPage, boolean allowRemoteImages,
                       String editUrl, LocalDate builtOn, dev.runbook.alerts.AlertLinks alerts) {
        this(content, outputDirectory, stateFile, templatesOverride, siteTitle, baseUrl, includeDrafts, status, buildDate,
                pluginVersion, threads, log, findings, reportPage, allowRemoteImages, editUrl, builtOn, alerts, null);
    }

    /** A build without alert rules. */
    public SiteRequest(LoadedContent content, Path outputDirectory, Path stateFile, Path templatesOverride, String siteTitle,
                       String baseUrl, boolean includeDrafts, StatusSource status, LocalDate buildDate, String pluginVersion,
                       int threads, RunLog log, List<Finding> findings, Path reportPage, boolean allowRemoteImages,
                       String editUrl, LocalDate builtOn) {
        this(content, outputDirectory, stateFile, templatesOverride, siteTitle, baseUrl, includeDrafts, status, buildDate,
                pluginVersion, threads, log, findings, reportPage, allowRemoteImages, editUrl, builtOn, null);
    }

    /** A build whose pages load no image from another host and carry no "Edit this page" link. */
    public SiteRequest(LoadedContent content, Path outputDirectory, Path stateFile, Path templatesOverride, String siteTitle,
                       String baseUrl, boolean includeDrafts, StatusSource status, LocalDate buildDate, String pluginVersion,
                       int threads, RunLog log, List<Finding> findings, Path reportPage) {
        this(content, outputDirectory, stateFile, templatesOverride, siteTitle, baseUrl, includeDrafts, status, buildDate,
                pluginVersion, threads, log, findings, reportPage, false, null, null, null);
    }

    /** A build with no validation findings and no release report to show (neither ran before it). */
    public SiteRequest(LoadedContent content, Path outputDirectory, Path stateFile, Path templatesOverride, String siteTitle,
                       String baseUrl, boolean includeDrafts, StatusSource status, LocalDate buildDate, String pluginVersion,
                       int threads, RunLog log) {
        this(content, outputDirectory, stateFile, templatesOverride, siteTitle, baseUrl, includeDrafts, status, buildDate,
                pluginVersion, threads, log, List.of(), null, false, null, null, null);
    }
}
