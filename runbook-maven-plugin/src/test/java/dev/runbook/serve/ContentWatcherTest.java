package dev.runbook.serve;

import dev.runbook.core.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real file system events through a real WatchService. */
class ContentWatcherTest {

    // Long enough that a busy machine still writes a burst within it; the test waits on batches, never on time.
    private static final Duration QUIET = Duration.ofMillis(700);

    @TempDir
    Path dir;
    private final BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();

    private Set<Path> nextBatch() throws InterruptedException {
        Set<Path> batch = batches.poll(PreviewFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(batch, "no change reported within " + PreviewFixture.WAIT);
        return batch;
    }

    @Test
    void aBurstOfWritesIsOneBatch() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        try (ContentWatcher ignored = new ContentWatcher(List.of(content), List.of(), QUIET, batches::add, RunLog.SILENT).start()) {
            for (int i = 1; i <= 5; i++) {
                Files.writeString(content.resolve("page-" + i + ".md"), "# Page " + i);
                Files.writeString(content.resolve("page-" + i + ".md"), "# Page " + i + " again");
            }
            Set<Path> burst = nextBatch();
            for (int i = 1; i <= 5; i++) {
                assertTrue(burst.contains(content.resolve("page-" + i + ".md")), burst.toString());
            }
            Files.writeString(content.resolve("later.md"), "# Later");
            assertEquals(Set.of(content.resolve("later.md")), nextBatch(), "the burst ended in one batch, the next write is its own");
            assertTrue(batches.isEmpty());
        }
    }

    @Test
    void foldersCreatedLaterAreWatchedToo() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        try (ContentWatcher ignored = new ContentWatcher(List.of(content), List.of(), QUIET, batches::add, RunLog.SILENT).start()) {
            Path nested = Files.createDirectories(content.resolve("new/deeper"));
            assertTrue(nextBatch().contains(content.resolve("new")));
            Files.writeString(nested.resolve("page.md"), "# Deep");
            assertTrue(nextBatch().contains(nested.resolve("page.md")), "a write two levels into a new folder is seen");
        }
    }

    @Test
    void excludedFoldersAndEditorSwapFilesAreIgnored() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path target = Files.createDirectories(content.resolve("target"));
        Path site = Files.createDirectories(content.resolve("site"));
        try (ContentWatcher ignored = new ContentWatcher(List.of(content), List.of(target, site), QUIET, batches::add,
                RunLog.SILENT).start()) {
            Files.writeString(target.resolve("state.json"), "{}");
            Files.createDirectories(content.resolve("site.staging-1234"));
            Files.writeString(content.resolve(".page.md.swp"), "swap");
            Files.writeString(content.resolve("page.md~"), "backup");
            Files.writeString(content.resolve("page.md"), "# Page");
            assertEquals(Set.of(content.resolve("page.md")), nextBatch());
        }
    }
}
