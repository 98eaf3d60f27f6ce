package dev.runbook.serve;

import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.site.SiteResult;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The live preview: builds the site once, serves it, and on every batch of changes in the watched
 * folders builds it again and tells open pages to reload. A failed build is logged and the previous
 * site stays online (the site builder swaps a new site in only when it is complete), so a typo in a
 * template never takes the preview down.
 */
public final class LivePreview implements AutoCloseable {

    /** One (incremental) build of the site into the served folder. */
    @FunctionalInterface
    public interface Build {
        SiteResult run() throws Exception;
    }

    /**
     * @param site    the folder the build writes and the server serves
     * @param watched folders whose changes trigger a rebuild (content, templates override)
     * @param excluded folders never watched even when inside a watched one (the build folder); the site
     *                 folder is always excluded
     * @param quiet   the debounce period: a rebuild starts once the folders were quiet this long
     */
    public record Settings(Path site, List<Path> watched, List<Path> excluded, String host, int port, Duration quiet) {
        public Settings {
            Objects.requireNonNull(site, "site");
            watched = List.copyOf(watched);
            excluded = List.copyOf(excluded);
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(quiet, "quiet");
        }
    }

    public static final Duration DEFAULT_QUIET = Duration.ofMillis(200);

    private final Build build;
    private final Settings settings;
    private final RunLog log;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private PreviewServer server;
    private ContentWatcher watcher;
    private long builds;
    private boolean lastBuildFailed;

    public LivePreview(Build build, Settings settings, RunLog log) {
        this.build = build;
        this.settings = settings;
        this.log = log;
    }

    /** Builds, starts serving and watching; returns the address to open. A failed first build is logged only. */
    public URI start() throws SetupException {
        server = PreviewServer.start(settings.site(), settings.host(), settings.port(), log);
        try {
            buildOnce(Set.of());
            List<Path> excluded = new ArrayList<>(settings.excluded());
            excluded.add(settings.site());
            watcher = new ContentWatcher(settings.watched(), excluded, settings.quiet(), this::buildOnce, log).start();
        } catch (SetupException | RuntimeException e) {
            close();
            throw e;
        }
        URI uri = server.uri();
        log.info("runbook: serve: previewing " + uri + " (watching " + settings.watched().stream()
                .map(Path::toString).collect(Collectors.joining(", ")) + "; Ctrl+C stops)");
        return uri;
    }

    /** For tests: waits until {@code count} open pages listen for reloads. */
    boolean awaitConnectedPages(int count, long timeoutMillis) throws InterruptedException {
        return server.awaitConnectedPages(count, timeoutMillis);
    }

    /** Blocks until {@link #close()} is called (by the shutdown hook on Ctrl+C, or a test). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (watcher != null) {
                watcher.close();
            }
            if (server != null) {
                server.close();
            }
        } finally {
            closed.countDown();
        }
    }

    private void buildOnce(Set<Path> changes) {
        if (!changes.isEmpty()) {
            log.info("runbook: serve: changed: " + changes.stream().map(this::shortName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        try {
            SiteResult result = server.whileBuilding(build::run);
            builds++;
            log.info(result.summary());
            // After a failure pages reload even when the site came out as before: they announced the error.
            if (result.rendered() > 0 || result.indexPages() > 0 || lastBuildFailed) {
                server.reloadPages(builds);
            }
            lastBuildFailed = false;
        } catch (Exception e) {
            lastBuildFailed = true;
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("runbook: serve: build failed, still serving the last good site: " + message);
            server.reportBuildFailure(message);
        }
    }

    private String shortName(Path changed) {
        for (Path root : settings.watched()) {
            Path absolute = root.toAbsolutePath().normalize();
            if (changed.startsWith(absolute) && !changed.equals(absolute)) {
                return absolute.relativize(changed).toString().replace('\\', '/');
            }
        }
        return changed.toString();
    }
}
