import dev.runbook.core.RunLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteResult;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Loads a content folder and builds its site from scratch RUNS times in one JVM, printing each run's
 * load and build times: the first run pays class loading and the JIT, the later ones show the work
 * itself. Not a test: numbers for bench/RESULTS.md. Usage: bench/warm.sh site CONTENT RUNS
 */
public class WarmSite {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path work = Files.createTempDirectory("warm-site");
        LocalDate today = LocalDate.parse("2026-11-22");
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            LoadedContent loaded = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT).load(content);
            long loadedAt = System.nanoTime();
            Path state = work.resolve("state.json");
            Files.deleteIfExists(state); // every run is a full build
            SiteResult result = new SiteBuilder().build(new SiteRequest(loaded, work.resolve("site"), state, null, "Runbooks",
                    null, false, StatusSource.reviewOnly(new ReviewSchedule(null), today), today, "warm", 2, RunLog.SILENT));
            long builtAt = System.nanoTime();
            System.out.printf("run %d: load %d ms, site %d ms (%d pages)%n", i, (loadedAt - start) / 1_000_000,
                    (builtAt - loadedAt) / 1_000_000, result.rendered());
        }
    }
}
