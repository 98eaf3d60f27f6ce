package dev.runbook.mojo;

import dev.runbook.core.InputDigest;
import dev.runbook.core.SetupException;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteRun;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the static site of the runbooks: index by service, one page per runbook, tag pages, a status
 * page, search. Problems found while loading are printed as warnings; they never fail this goal
 * ({@code runbook:validate} is the gate). Incremental: unchanged pages are not rendered again.
 */
@Mojo(name = "site", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SiteMojo extends AbstractRunbookMojo {

    /** Skips {@code runbook:site} only; {@code runbook.skip} skips every goal. */
    @Parameter(property = RunbookProperties.SITE_SKIP, defaultValue = "false")
    boolean skipSite;

    @Override
    protected boolean goalSkipped() {
        return skipSite;
    }

    @Override
    protected String goalSkipProperty() {
        return RunbookProperties.SITE_SKIP;
    }

    static final String OUTPUT_DIRECTORY = RunbookProperties.PREFIX + "site.outputDirectory";
    static final String DRAFTS = RunbookProperties.PREFIX + "drafts";
    static final String SITE_TITLE = RunbookProperties.PREFIX + "site.title";
    static final String BASE_URL = RunbookProperties.PREFIX + "site.baseUrl";
    static final String ALLOW_REMOTE_IMAGES = RunbookProperties.PREFIX + "site.allowRemoteImages";
    static final String EDIT_URL = RunbookProperties.PREFIX + "site.editUrl";

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

    /** Let pages show images from other hosts (the Content-Security-Policy blocks them by default). */
    @Parameter(property = ALLOW_REMOTE_IMAGES, defaultValue = "false")
    private boolean allowRemoteImages;

    /**
     * Where a runbook's source is edited, for an "Edit this page" link: {@code {path}} stands for the file's
     * path in the content folder, e.g. {@code https://github.com/org/repo/edit/main/content/{path}}.
     */
    @Parameter(property = EDIT_URL)
    private String editUrl;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected void run() throws SetupException, IOException {
        Map<String, String> settings = new TreeMap<>();
        settings.put("reviewEvery", reviewEvery);
        settings.put("smokeMaxAge", smokeMaxAge);
        settings.put(SiteRun.ALLOW_REMOTE_IMAGES, String.valueOf(allowRemoteImages));
        if (editUrl != null && !editUrl.isBlank()) {
            settings.put(SiteRun.EDIT_URL, editUrl);
        }
        if (builtOn() != null) {
            settings.put(SiteRun.BUILT_ON, builtOn().toString());
        }
        SiteRun.withAlerts(settings, alertSettings());
        new SiteRun(runLog()).run(SiteRun.Options.walking(contentRoot(), layout(), outputDirectory.toPath(),
                templatesOverride(), siteTitle, baseUrl, drafts, buildDate(), statusSource(), pluginVersion, settings,
                InputDigest.codeSourceOf(SiteMojo.class), loadOptions()));
    }
}
