package dev.runbook.mojo;

import dev.runbook.core.InputDigest;
import dev.runbook.core.SetupException;
import dev.runbook.report.ReleaseGate;
import dev.runbook.report.ReportInputs;
import dev.runbook.findings.io.FindingsJson;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteRun;
import dev.runbook.smoke.SmokeRequest;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the static site of the runbooks: index by service, one page per runbook, tag pages, a status
 * page, search. Problems found while loading are printed as warnings; they never fail this goal
 * ({@code runbook:validate} is the gate). Incremental: unchanged pages are not rendered again.
 */
@Mojo(name = "site", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SiteMojo extends AbstractRunbookMojo {

    static final String OUTPUT_DIRECTORY = RunbookProperties.PREFIX + "site.outputDirectory";
    static final String DRAFTS = RunbookProperties.PREFIX + "drafts";
    static final String SITE_TITLE = RunbookProperties.PREFIX + "site.title";
    static final String BASE_URL = RunbookProperties.PREFIX + "site.baseUrl";

    /** Where the finished site goes. Built beside it and swapped in whole. */
    @Parameter(property = OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/runbook-site")
    private File outputDirectory;

    /** Include runbooks marked {@code draft: true}. */
    @Parameter(property = DRAFTS, defaultValue = "false")
    private boolean drafts;

    /** The site's name, shown in the header and page titles. */
    @Parameter(property = SITE_TITLE, defaultValue = SiteRequest.DEFAULT_TITLE)
    private String siteTitle;

    /** The absolute URL the site is published at, for canonical links; links inside the site stay relative. */
    @Parameter(property = BASE_URL)
    private String baseUrl;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected void run() throws SetupException, IOException {
        Path reportFolder = buildPath().resolve("runbook");
        Path findingsFile = reportFolder.resolve(FindingsJson.FILE_NAME);
        Path reportPage = reportFolder.resolve(ReleaseGate.REPORT_SITE_HTML);
        Path smokeResults = SmokeRequest.resultsFile(buildPath());
        // One walk of the content folder serves the report's freshness, the up-to-date check and the loader.
        Instant digestStart = Instant.now();
        InputDigest.Tree contentTree = InputDigest.tree(contentRoot().toAbsolutePath().normalize());
        List<String> notices = new ArrayList<>();
        boolean hasReport = Files.isRegularFile(reportPage);
        boolean reportCurrent = hasReport
                && ReportInputs.current(reportFolder, ReportInputs.digest(contentTree, findingsFile, smokeResults));
        if (hasReport && !reportCurrent) {
            notices.add("runbook: site: the release report in " + reportFolder + " was made before the"
                    + " runbooks, the validation findings or the smoke results last changed; the site leaves it out."
                    + " Run runbook:report after runbook:validate (and runbook:smoke) to publish a current one.");
        }
        Map<String, String> settings = new TreeMap<>();
        settings.put("reviewEvery", reviewEvery);
        settings.put("smokeMaxAge", smokeMaxAge);
        new SiteRun(runLog()).run(new SiteRun.Options(contentRoot(), contentTree, digestStart, buildPath(),
                outputDirectory.toPath(), templatesOverride(), siteTitle, baseUrl, drafts, buildDate(), statusSource(),
                pluginVersion, settings, smokeResults, findingsFile,
                reportCurrent ? reportPage : null, notices, InputDigest.codeSourceOf(SiteMojo.class)));
    }
}
