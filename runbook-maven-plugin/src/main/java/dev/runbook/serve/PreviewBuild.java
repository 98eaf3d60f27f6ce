package dev.runbook.serve;

import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadOptions;
import dev.runbook.load.LoadedContent;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One preview build, as {@code runbook:site} does it: read the content folder afresh, print what the
 * loader found wrong ({@code path:line:col: severity [rule] message}), and build the site incrementally.
 */
public final class PreviewBuild implements LivePreview.Build {

    private final Path contentRoot;
    private final Function<LoadedContent, SiteRequest> requestFor;
    private final RunLog log;
    private final LoadOptions load;

    /** @param requestFor the site request for freshly loaded content (output folder, theme, title…) */
    public PreviewBuild(Path contentRoot, Function<LoadedContent, SiteRequest> requestFor, RunLog log) {
        this(contentRoot, LoadOptions.DEFAULTS, requestFor, log);
    }

    /** @param load which files are runbooks, and front-matter key aliases */
    public PreviewBuild(Path contentRoot, LoadOptions load, Function<LoadedContent, SiteRequest> requestFor, RunLog log) {
        this.contentRoot = contentRoot;
        this.load = load;
        this.requestFor = requestFor;
        this.log = log;
    }

    @Override
    public SiteResult run() throws SetupException, IOException {
        LoadedContent content = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, log, load).load(contentRoot);
        for (Finding finding : content.findings()) {
            log.warn(finding.toConsoleLine());
        }
        return new SiteBuilder().build(requestFor.apply(content));
    }
}
