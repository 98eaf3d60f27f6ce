package dev.runbook.hostile;

import dev.runbook.core.RunLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A child process for the crash tests that runs a real {@link SiteBuilder} build, exactly as
 * {@code runbook:site} does, and says "HALFWAY" on stdout once the build has written {@code pages} files
 * into its staging folder, while the build goes on. The test SIGKILLs it there. Arguments: content
 * folder, site folder, state file, pages.
 */
public final class SiteBuildChild {

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        Path site = Path.of(args[1]);
        Path state = Path.of(args[2]);
        int pages = Integer.parseInt(args[3]);
        Path parent = Files.createDirectories(site.toAbsolutePath().getParent());
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            parent.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread build = new Thread(() -> {
                try {
                    LocalDate today = LocalDate.of(2026, 11, 22);
                    new SiteBuilder().build(new SiteRequest(new ContentLoader().load(content), site, state, null, "Runbooks",
                            null, false, StatusSource.reviewOnly(new ReviewSchedule(null), today), today, "test", 1,
                            RunLog.SILENT));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            build.start();
            waitForStagedPages(watch, parent, site.getFileName().toString(), pages);
            System.out.println("HALFWAY");
            System.out.flush();
            build.join();
            if (failure.get() != null) {
                failure.get().printStackTrace();
                System.exit(1);
            }
        }
        System.out.println("DONE");
    }

    /** Blocks on file-system events until the staging folder beside the site holds {@code pages} HTML files. */
    private static void waitForStagedPages(WatchService watch, Path parent, String siteName, int pages)
            throws InterruptedException, IOException {
        Path staging = null;
        int seen = 0;
        while (seen < pages) {
            WatchKey key = watch.take();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (!(event.context() instanceof Path name)) {
                    continue;
                }
                if (staging == null && name.toString().startsWith(siteName + ".staging-")) {
                    staging = parent.resolve(name);
                    staging.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                } else if (staging != null && key.watchable().equals(staging) && name.toString().endsWith(".html")) {
                    seen++;
                }
            }
            key.reset();
        }
    }
}
