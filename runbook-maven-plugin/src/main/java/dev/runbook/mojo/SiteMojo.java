package dev.runbook.mojo;

import dev.runbook.core.InputDigest;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.gate.ReleaseGate;
import dev.runbook.gate.ReportInputs;
import dev.runbook.load.ContentCache;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.report.FindingsJson;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteInputs;
import dev.runbook.smoke.SmokeRequest;
import dev.runbook.status.StatusSource;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /**
     * The findings of a {@code runbook:validate} run earlier in this build folder, so each page can show
     * its own; none when validation has not run. A damaged file is reported and ignored: it must not
     * stop the site that on-call engineers read.
     */
    private List<Finding> lastValidationFindings(RunLog log) {
        Path file = buildPath().resolve("runbook").resolve(FindingsJson.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return FindingsJson.read(file).findings();
        } catch (IOException e) {
            log.warn("runbook: site: ignoring validation findings: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    protected void run() throws SetupException, IOException {
        long start = System.nanoTime();
        RunLog log = runLog();
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        Path findingsFile = buildPath().resolve("runbook").resolve(FindingsJson.FILE_NAME);
        Path reportPage = buildPath().resolve("runbook").resolve(ReleaseGate.REPORT_SITE_HTML);
        Path smokeResults = SmokeRequest.resultsFile(buildPath());
        // One walk of the content folder serves the report's freshness, the up-to-date check and the loader.
        Instant digestStart = Instant.now();
        InputDigest.Tree contentTree = InputDigest.tree(contentRoot().toAbsolutePath().normalize());
        boolean reportCurrent = Files.isRegularFile(reportPage)
                && ReportInputs.current(reportPage.getParent(), ReportInputs.digest(contentTree, findingsFile, smokeResults));
        LocalDate today = buildDate();
        StatusSource status = statusSource();
        Instant now = Instant.now();

        SiteInputs record = new SiteInputs(buildPath().resolve(SiteInputs.FILE_NAME));
        CompletableFuture<String> published = SiteInputs.outputDigestAsync(output);
        InputDigest inputsDigest = SiteInputs.digest(contentTree, templatesOverride(), InputDigest.codeSourceOf(SiteMojo.class))
                .add("output", output).add("title", siteTitle).add("baseUrl", baseUrl).add("drafts", drafts)
                .add("date", today).add("reviewEvery", reviewEvery).add("smokeMaxAge", smokeMaxAge)
                .add("version", pluginVersion)
                .addFileContent("smokeResults", smokeResults)
                .addFileContent("findings", findingsFile)
                .addFileContent("report", reportCurrent ? reportPage : null);
        String inputs = inputsDigest.hex();
        Optional<List<String>> unchanged = record.upToDate(inputs, published, now);
        if (unchanged.isPresent()) {
            unchanged.get().forEach(log::warn);
            log.info("runbook: site: up to date, no input changed since the last build (" + output + "), checked in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return;
        }
        record.forget();

        LoadedContent content = ContentCache.load(contentRoot(), ContentLoader.DEFAULT_MAX_FILE_BYTES, log, contentTree, digestStart);
        List<String> notices = new ArrayList<>(content.findings().stream().map(Finding::toConsoleLine).toList());
        if (Files.isRegularFile(reportPage) && !reportCurrent) {
            notices.add("runbook: site: the release report in " + reportPage.getParent() + " was made before the"
                    + " runbooks, the validation findings or the smoke results last changed; the site leaves it out."
                    + " Run runbook:report after runbook:validate (and runbook:smoke) to publish a current one.");
        }
        notices.forEach(log::warn);
        SiteRequest request = new SiteRequest(content, output,
                buildPath().resolve("runbook-site-state.json"), templatesOverride(), siteTitle, baseUrl, drafts,
                status, today, pluginVersion, Math.min(2, Runtime.getRuntime().availableProcessors()), log,
                lastValidationFindings(log), reportCurrent ? reportPage : null);
        SiteResult result = new SiteBuilder().build(request);
        if (!inputsDigest.modifiedSince(digestStart.minus(InputDigest.RACY_WINDOW))) {
            record.remember(inputs, output, status.changesAt(), notices);
        }
        log.info(result.summary());
    }


}
