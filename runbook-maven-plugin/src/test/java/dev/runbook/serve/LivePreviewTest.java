package dev.runbook.serve;

import dev.runbook.site.SiteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Build, serve, watch and reload wired together, against a real content folder and a real server. */
class LivePreviewTest {

    // Generous, so a burst of writes on a busy machine still falls within one quiet period.
    private static final Duration QUIET = Duration.ofMillis(600);

    @TempDir
    Path dir;
    PreviewFixture fixture;
    LivePreview preview;
    final AtomicInteger builds = new AtomicInteger();
    URI uri;

    @BeforeEach
    void start() throws Exception {
        fixture = new PreviewFixture(dir);
        fixture.write("payments/api-down.md", "---\nservice: payments\n---\n# API down\n\nRestart the pods.\n");
        fixture.write("search/slow.md", "---\nservice: search\n---\n# Search is slow\n\nCheck the cache.\n");
        PreviewBuild build = fixture.build();
        preview = new LivePreview(() -> {
            SiteResult result = build.run();
            builds.incrementAndGet();
            return result;
        }, fixture.settings(QUIET), fixture.runLog);
        uri = preview.start();
    }

    @AfterEach
    void stop() {
        preview.close();
    }

    @Test
    void editingARunbookRebuildsAndTellsOpenPagesToReload() throws Exception {
        assertTrue(fixture.get(uri.resolve("payments/api-down.html")).body().contains("Restart the pods."));
        assertTrue(fixture.logText().contains("INFO runbook: serve: previewing " + uri), fixture.logText());
        try (PreviewFixture.Events events = fixture.new Events(uri)) {
            fixture.write("payments/api-down.md", "---\nservice: payments\n---\n# API down\n\nScale the deployment to 3.\n");
            events.await(line -> line.equals("event: reload"));
        }
        HttpResponse<String> page = fixture.get(uri.resolve("payments/api-down.html"));
        assertTrue(page.body().contains("Scale the deployment to 3."), page.body());
        assertFalse(page.body().contains("Restart the pods."));
        assertTrue(fixture.logText().contains("runbook: serve: changed: payments/api-down.md"), fixture.logText());
    }

    @Test
    void aBurstOfSavesIsOneRebuild() throws Exception {
        assertEquals(1, builds.get(), "the first build");
        try (PreviewFixture.Events events = fixture.new Events(uri)) {
            for (int i = 1; i <= 4; i++) {
                fixture.write("payments/api-down.md", "---\nservice: payments\n---\n# API down\n\nStep " + i + ".\n");
                fixture.write("search/slow.md", "---\nservice: search\n---\n# Search is slow\n\nStep " + i + ".\n");
            }
            events.await(line -> line.equals("event: reload"));
            assertEquals(2, builds.get(), "one rebuild for the whole burst");
            fixture.write("search/slow.md", "---\nservice: search\n---\n# Search is slow\n\nFinal.\n");
            events.await(line -> line.equals("event: reload"));
            assertEquals(3, builds.get(), "and one for the next save");
        }
        assertTrue(fixture.get(uri.resolve("payments/api-down.html")).body().contains("Step 4."));
    }

    @Test
    void aNewRunbookInANewFolderAppears() throws Exception {
        try (PreviewFixture.Events events = fixture.new Events(uri)) {
            fixture.write("storage/disk/full.md", "---\nservice: storage\n---\n# Disk full\n");
            events.await(line -> line.equals("event: reload"));
        }
        assertEquals(200, fixture.get(uri.resolve("storage/disk/full.html")).statusCode());
        assertTrue(fixture.get(uri).body().contains("Disk full"), "the index lists it");
    }

    @Test
    void aBrokenTemplateKeepsTheLastGoodSiteOnline() throws Exception {
        Path broken = fixture.templates.resolve("runbook.ftlh");
        try (PreviewFixture.Events events = fixture.new Events(uri)) {
            Files.writeString(broken, "<#import \"layout.ftlh\" as l>\n<@l.page frame=frame>${noSuchVariable.at.all}</@l.page>\n");
            String error = events.await(line -> line.startsWith("data: ") || line.equals("event: reload"));
            assertTrue(error.startsWith("data: "), "a build error event, not a reload: " + error);
            assertTrue(fixture.logText().contains("WARN runbook: serve: build failed, still serving the last good site"),
                    fixture.logText());
            HttpResponse<String> page = fixture.get(uri.resolve("payments/api-down.html"));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Restart the pods."), "the previous page is still served");

            Files.delete(broken);
            events.await(line -> line.equals("event: reload"));
        }
        assertTrue(fixture.get(uri.resolve("payments/api-down.html")).body().contains("Restart the pods."));
    }

    @Test
    void loaderFindingsArePrintedAfterEachRebuild() throws Exception {
        try (PreviewFixture.Events events = fixture.new Events(uri)) {
            fixture.write("payments/bad-date.md", "---\nservice: payments\nlast_reviewed: not-a-date\n---\n# Bad date\n");
            events.await(line -> line.equals("event: reload"));
        }
        assertTrue(fixture.logText().matches("(?s).*WARN payments/bad-date\\.md:3:\\d+: error \\[frontmatter\\.schema] .*"),
                fixture.logText());
    }
}
