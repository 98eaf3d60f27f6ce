package dev.runbook.mojo;

import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.serve.LivePreview;
import dev.runbook.serve.PreviewBuild;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.StatusSource;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Live preview: builds the site into its own folder, serves it on loopback, rebuilds when a runbook or
 * template changes and reloads open pages. Runs until Ctrl+C. Not bound to any phase.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractRunbookMojo {

    /** Skips {@code runbook:serve} only; {@code runbook.skip} skips every goal. */
    @Parameter(property = RunbookProperties.SERVE_SKIP, defaultValue = "false")
    boolean skipServe;

    @Override
    protected boolean goalSkipped() {
        return skipServe;
    }

    @Override
    protected String goalSkipProperty() {
        return RunbookProperties.SERVE_SKIP;
    }

    static final String HOST = RunbookProperties.PREFIX + "serve.host";
    static final String PORT = RunbookProperties.PREFIX + "serve.port";
    static final String OUTPUT_DIRECTORY = RunbookProperties.PREFIX + "serve.outputDirectory";

    /** The address to listen on. Loopback by default: the preview is for the person at this machine. */
    @Parameter(property = HOST, defaultValue = "127.0.0.1")
    private String host;

    /** The port to listen on; 0 picks a free one. */
    @Parameter(property = PORT, defaultValue = "8000")
    private int port;

    /** Where the preview site is built; separate from {@code runbook:site}'s output so neither disturbs the other. */
    @Parameter(property = OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/runbook-serve")
    private File outputDirectory;

    /** Include runbooks marked {@code draft: true}; on by default here, since a preview is for writing them. */
    @Parameter(property = SiteMojo.DRAFTS, defaultValue = "true")
    private boolean drafts;

    /** The site's name, shown in the header and page titles. */
    @Parameter(property = SiteMojo.SITE_TITLE, defaultValue = SiteRequest.DEFAULT_TITLE)
    private String siteTitle;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected void run() throws SetupException {
        RunLog log = runLog();
        Path content = contentRoot();
        if (!Files.isDirectory(content)) {
            throw new SetupException("content folder " + content + " does not exist; set -D"
                    + RunbookProperties.CONTENT_DIRECTORY + "=… or create it");
        }
        Path templates = templatesOverride();
        if (templates != null && !Files.isDirectory(templates)) {
            throw new SetupException("templates folder " + templates + " does not exist; create it or remove <templatesDirectory>");
        }
        warnIfReachableFromOutside(log);
        Path site = outputDirectory.toPath();
        Path stateFile = buildPath().resolve(site.getFileName() + "-state.json");
        StatusSource status = statusSource();
        LocalDate today = buildDate();
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        dev.runbook.alerts.AlertSettings alerts = alertSettings();
        PreviewBuild build = new PreviewBuild(content, loadOptions(), loaded -> new SiteRequest(loaded, site, stateFile, templates,
                siteTitle, null, drafts, status, today, pluginVersion, threads, log, List.of(), null, false, null, null,
                alertLinks(alerts, loaded, log)), log);
        List<Path> watched = new ArrayList<>(List.of(content));
        if (templates != null) {
            watched.add(templates);
        }
        for (Path rules : alerts.watchRoots()) {
            if (Files.isDirectory(rules)) {
                watched.add(rules);
            }
        }
        LivePreview preview = new LivePreview(build, new LivePreview.Settings(site, watched, List.of(buildPath(), site),
                host, port, LivePreview.DEFAULT_QUIET), log);
        Thread hook = new Thread(preview::close, "runbook-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            preview.start();
            preview.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            preview.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hook
            }
        }
    }

    /**
     * The alert panels and alerts.html in the preview, read again on every rebuild (the rule files' folders
     * are watched, so an edit rebuilds); a rule-file setup problem is a warning, never a stop.
     */
    private static dev.runbook.alerts.AlertLinks alertLinks(dev.runbook.alerts.AlertSettings alerts,
                                                           dev.runbook.load.LoadedContent loaded, RunLog log) {
        if (!alerts.enabled()) {
            return null;
        }
        try {
            return dev.runbook.alerts.AlertLinks.of(alerts, loaded);
        } catch (SetupException e) {
            log.warn("runbook: serve: no alerts in the preview: " + e.getMessage());
            return null;
        }
    }

    private void warnIfReachableFromOutside(RunLog log) throws SetupException {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                log.warn("runbook: serve: listening on " + host + ", not loopback: anyone who can reach this machine"
                        + " can read the runbooks. Use -D" + HOST + "=127.0.0.1 unless that is what you want.");
            }
        } catch (UnknownHostException e) {
            throw new SetupException("unknown host " + host + " for -D" + HOST + "; use 127.0.0.1", e);
        }
    }
}
