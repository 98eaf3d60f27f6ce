package dev.runbook.hostile;

import dev.runbook.core.RunLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A child process for {@link PublishKillTest}: one real site build, run with {@code -Drunbook.test.pauseAt=<step>}
 * so that it stops at that step of the publish sequence (printing {@code PAUSED <step>}) and waits for SIGKILL.
 * Arguments: content folder, site folder, state file, site title.
 */
public final class PublishChild {

    public static void main(String[] args) throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 22);
        new SiteBuilder().build(new SiteRequest(new ContentLoader().load(Path.of(args[0])), Path.of(args[1]), Path.of(args[2]),
                null, args[3], null, false, StatusSource.reviewOnly(new ReviewSchedule(null), today), today, "test", 1,
                RunLog.SILENT));
        System.out.println("DONE");
    }
}
