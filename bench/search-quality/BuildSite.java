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
 * Builds the site of a content folder into OUT with the plugin's own classes (no `mvn install`, which
 * the shared machine forbids). Usage: java -cp … BuildSite CONTENT OUT
 */
public class BuildSite {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        Path out = Path.of(args[1]);
        LocalDate today = LocalDate.parse("2026-11-22");
        Path state = Files.createTempDirectory("search-quality").resolve("state.json");
        LoadedContent loaded = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT).load(content);
        SiteResult result = new SiteBuilder().build(new SiteRequest(loaded, out, state, null, "Runbooks",
                null, false, StatusSource.reviewOnly(new ReviewSchedule(null), today), today, "search-quality", 2, RunLog.SILENT));
        System.out.printf("%d pages in %s (%d ms)%n", result.rendered(), out, result.millis());
    }
}
