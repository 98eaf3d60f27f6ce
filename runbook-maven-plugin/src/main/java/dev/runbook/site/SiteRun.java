package dev.runbook.site;

import dev.runbook.alerts.AlertLinks;
import dev.runbook.alerts.AlertRuleFiles;
import dev.runbook.alerts.AlertSettings;
import dev.runbook.core.InputDigest;
import dev.runbook.core.OutputLayout;
import dev.runbook.core.ReportInputs;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentCache;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadOptions;
import dev.runbook.load.LoadedContent;
import dev.runbook.findings.io.FindingsJson;
import dev.runbook.status.StatusSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code runbook:site} goal without Maven: the up-to-date check before anything is loaded
 * ({@link SiteInputs}), then load (shared with earlier goals through {@link ContentCache}), build
 * ({@link SiteBuilder}) and record what the build used.
 */
public final class SiteRun {

    /** The settings key of the "Edit this page" URL template ({@link SiteRequest#editUrl}). */
    public static final String EDIT_URL = "editUrl";

    /** The incremental-build manifest, in the build folder. */
    public static final String STATE_FILE = "runbook-site-state.json";

    /**
     * Everything one run needs.
     *
     * @param contentTree   the content folder as the caller walked it (at {@code digestStart}); the check and
     *                      the loader use this walk rather than walking again
     * @param layout        the build folder: the last smoke results, the last validation's findings (each page
     *                      shows its own) and the release report are read from it, when they exist
     * @param settings      every parameter that shapes the site and is not a component here (review interval,
     *                      smoke maximum age), by name
     * @param pluginJar     the plugin's own jar: a rebuilt snapshot of the same version is a change
     * @param load          which files are runbooks, and front-matter key aliases
     */
    public record Options(Path contentRoot, InputDigest.Tree contentTree, Instant digestStart, OutputLayout layout,
                          Path outputDirectory, Path templatesOverride, String siteTitle, String baseUrl, boolean drafts,
                          LocalDate buildDate, StatusSource status, String pluginVersion, Map<String, String> settings,
                          Path pluginJar, LoadOptions load) {
        public Options {
            settings = new TreeMap<>(settings);
            load = load == null ? LoadOptions.DEFAULTS : load;
        }

        /** Options for the default selection of files ({@code *.md}). */
        public Options(Path contentRoot, InputDigest.Tree contentTree, Instant digestStart, OutputLayout layout,
                       Path outputDirectory, Path templatesOverride, String siteTitle, String baseUrl, boolean drafts,
                       LocalDate buildDate, StatusSource status, String pluginVersion, Map<String, String> settings,
                       Path pluginJar) {
            this(contentRoot, contentTree, digestStart, layout, outputDirectory, templatesOverride, siteTitle, baseUrl,
                    drafts, buildDate, status, pluginVersion, settings, pluginJar, LoadOptions.DEFAULTS);
        }

        /** This run for the files {@code load} selects. */
        public Options withLoad(LoadOptions value) {
            return new Options(contentRoot, contentTree, digestStart, layout, outputDirectory, templatesOverride,
                    siteTitle, baseUrl, drafts, buildDate, status, pluginVersion, settings, pluginJar, value);
        }

        /** Walks the content folder now, for the default selection of files ({@code *.md}). */
        public static Options walking(Path contentRoot, OutputLayout layout, Path outputDirectory, Path templatesOverride,
                                      String siteTitle, String baseUrl, boolean drafts, LocalDate buildDate,
                                      StatusSource status, String pluginVersion, Map<String, String> settings,
                                      Path pluginJar) throws IOException {
            return walking(contentRoot, layout, outputDirectory, templatesOverride, siteTitle, baseUrl, drafts, buildDate,
                    status, pluginVersion, settings, pluginJar, LoadOptions.DEFAULTS);
        }

        /**
         * Walks the content folder now: the up-to-date check and the loader share this one walk, and the walk
         * keeps the bytes of the files {@code load} selects, so that the loader neither reads nor hashes them
         * again (at 10,064 pages that second read and hash was the top item of a one-page edit's profile).
         */
        public static Options walking(Path contentRoot, OutputLayout layout, Path outputDirectory, Path templatesOverride,
                                      String siteTitle, String baseUrl, boolean drafts, LocalDate buildDate,
                                      StatusSource status, String pluginVersion, Map<String, String> settings,
                                      Path pluginJar, LoadOptions load) throws IOException {
            Instant digestStart = Instant.now();
            LoadOptions selection = load == null ? LoadOptions.DEFAULTS : load;
            InputDigest.Tree tree = InputDigest.tree(contentRoot.toAbsolutePath().normalize(), selection::selects,
                    ContentLoader.DEFAULT_MAX_FILE_BYTES);
            return new Options(contentRoot, tree, digestStart, layout, outputDirectory, templatesOverride, siteTitle,
                    baseUrl, drafts, buildDate, status, pluginVersion, settings, pluginJar, selection);
        }
    }

    /** The settings key of {@code runbook.site.allowRemoteImages} (see {@link SiteRequest#allowRemoteImages}). */
    public static final String ALLOW_REMOTE_IMAGES = "allowRemoteImages";

    /** The settings key of the day the site says it was built, when runbook.asOf pins "now" ({@link SiteRequest#builtOn}). */
    public static final String BUILT_ON = "builtOn";

    /** The settings keys of the alert cross-check ({@link #withAlerts}). */
    static final String ALERT_RULES = "alertRules";
    static final String ALERT_RUNBOOK_BASES = "alertRunbookBases";
    static final String ALERT_PROJECT_BASE = "alertProjectBase";

    /**
     * Adds the alert cross-check's settings to a run's settings (so they count for the up-to-date check like
     * every other setting); nothing when alertRules is unset.
     */
    public static void withAlerts(Map<String, String> settings, AlertSettings alerts) {
        if (alerts == null || !alerts.enabled()) {
            return;
        }
        settings.put(ALERT_RULES, String.join("\n", alerts.ruleGlobs()));
        StringBuilder bases = new StringBuilder();
        alerts.runbookBases().forEach((prefix, folder) -> bases.append(prefix).append('\t').append(folder).append('\n'));
        settings.put(ALERT_RUNBOOK_BASES, bases.toString());
        settings.put(ALERT_PROJECT_BASE, alerts.projectBase().toAbsolutePath().normalize().toString());
    }

    static AlertSettings alertSettings(Map<String, String> settings) {
        String rules = settings.get(ALERT_RULES);
        if (rules == null || rules.isBlank()) {
            return AlertSettings.OFF;
        }
        Map<String, String> bases = new java.util.LinkedHashMap<>();
        for (String line : settings.getOrDefault(ALERT_RUNBOOK_BASES, "").split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                bases.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return new AlertSettings(List.of(rules.split("\n")), bases, Path.of(settings.getOrDefault(ALERT_PROJECT_BASE, ".")));
    }

    private final RunLog log;

    public SiteRun(RunLog log) {
        this.log = log;
    }

    public void run(Options options) throws SetupException, IOException {
        long start = System.nanoTime();
        OutputLayout layout = options.layout();
        Path output = options.outputDirectory().toAbsolutePath().normalize();
        List<String> callerNotices = new ArrayList<>();
        Path reportPage = currentReport(options, callerNotices);
        SiteInputs record = new SiteInputs(layout.buildDirectory().resolve(SiteInputs.FILE_NAME));
        CompletableFuture<String> published = SiteInputs.outputDigestAsync(output);
        InputDigest inputsDigest = SiteInputs.digest(options.contentTree(), options.templatesOverride(), options.pluginJar())
                .add("output", output).add("title", options.siteTitle()).add("baseUrl", options.baseUrl())
                .add("drafts", options.drafts()).add("date", options.buildDate()).addSettings("settings", options.settings())
                .addSettings("load", options.load())
                .add("version", options.pluginVersion())
                // Pages show when each runbook last changed, from git where the content is in a work tree:
                // a commit changes that without touching a file.
                .add("gitRevision", LastChanged.revision(options.contentRoot()))
                .addFileContent("smokeResults", layout.smokeResultsJson())
                .addFileContent("findings", layout.findingsJson())
                .addFileContent("report", reportPage);
        AlertSettings alertSettings = alertSettings(options.settings());
        if (alertSettings.enabled()) { // the rule files are inputs of the alert panels and alerts.html
            for (Path file : AlertRuleFiles.find(alertSettings.projectBase(), alertSettings.ruleGlobs())) {
                inputsDigest.addFileContent("alertRules:" + file, file);
            }
        }
        String inputs = inputsDigest.hex();
        Optional<List<String>> unchanged = record.upToDate(inputs, published, Instant.now());
        if (unchanged.isPresent()) {
            unchanged.get().forEach(log::warn);
            log.info("runbook: site: up to date, no input changed since the last build (" + output + "), checked in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return;
        }
        record.forget();

        LoadedContent content = ContentCache.load(options.contentRoot(), options.load(), ContentLoader.DEFAULT_MAX_FILE_BYTES, log,
                options.contentTree(), options.digestStart(),
                new ContentCache.PageCache(layout.pageModelCache(), options.pluginVersion()));
        List<String> notices = new ArrayList<>(content.findings().stream().map(Finding::toConsoleLine).toList());
        notices.addAll(callerNotices);
        notices.forEach(log::warn);
        SiteRequest request = new SiteRequest(content, output, layout.buildDirectory().resolve(STATE_FILE),
                options.templatesOverride(), options.siteTitle(), options.baseUrl(), options.drafts(), options.status(),
                options.buildDate(), options.pluginVersion(), Math.min(2, Runtime.getRuntime().availableProcessors()), log,
                lastValidationFindings(layout.findingsJson()), reportPage,
                Boolean.parseBoolean(options.settings().get(ALLOW_REMOTE_IMAGES)), options.settings().get(EDIT_URL),
                options.settings().containsKey(BUILT_ON) ? LocalDate.parse(options.settings().get(BUILT_ON)) : null,
                alertSettings.enabled() ? AlertLinks.of(alertSettings, content) : null, layout.searchSectionsCache());
        log.debug("runbook: site: up-to-date check, loading and validation findings took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        SiteResult result = new SiteBuilder().build(request);
        if (!inputsDigest.modifiedSince(options.digestStart().minus(InputDigest.RACY_WINDOW))) {
            record.remember(inputs, output, options.status().changesAt(), notices);
        }
        log.info(result.summary());
    }

    /**
     * The release report to publish: the one {@code runbook:report} rendered for the site root, while it was
     * made from the runbooks, findings and smoke results as they are now; else null, with a notice when a
     * stale one is left out.
     */
    private static Path currentReport(Options options, List<String> notices) throws IOException {
        OutputLayout layout = options.layout();
        Path reportPage = layout.reportSiteHtml();
        if (!Files.isRegularFile(reportPage)) {
            return null;
        }
        if (ReportInputs.current(layout, ReportInputs.digest(options.contentTree(), layout.findingsJson(),
                layout.smokeResultsJson()))) {
            return reportPage;
        }
        notices.add("runbook: site: the release report in " + layout.workDirectory() + " was made before the"
                + " runbooks, the validation findings or the smoke results last changed; the site leaves it out."
                + " Run runbook:report after runbook:validate (and runbook:smoke) to publish a current one.");
        return null;
    }

    /**
     * The findings of the last {@code runbook:validate} run, so each page can show its own; none when
     * validation has not run. A damaged file is reported and ignored: it must not stop the site that
     * on-call engineers read.
     */
    private List<Finding> lastValidationFindings(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            long start = System.nanoTime();
            List<Finding> findings = FindingsJson.read(file).findings();
            log.debug("runbook: site: " + findings.size() + " validation findings read in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return findings;
        } catch (IOException e) {
            log.warn("runbook: site: ignoring validation findings: " + e.getMessage());
            return List.of();
        }
    }
}
