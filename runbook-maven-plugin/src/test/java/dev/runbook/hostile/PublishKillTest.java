package dev.runbook.hostile;

import dev.runbook.testing.FileTree;
import dev.runbook.core.AtomicFiles;
import dev.runbook.core.RunLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at every step of the site's publish sequence (a real child JVM, stopped at the step by
 * {@code -Drunbook.test.pauseAt}, then SIGKILLed), followed by a normal build: the site must be byte for byte
 * the one a clean build makes, and nothing of the killed build may be left beside it. The killed build has
 * another title and other pages than the one before, so a site mixing the two cannot pass.
 */
class PublishKillTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"site.staged", "site.manifest-written", "swap.moved-aside", "swap.moved-in", "site.swapped"})
    void aBuildKilledAtAnyStepIsFollowedByAConsistentSite(String step) throws Exception {
        Path content = dir.resolve("content");
        Path target = dir.resolve("target");
        Path site = target.resolve("runbook-site");
        Path state = target.resolve("runbook-site-state.json");
        writePages(content, "v1", 0, 40);
        build(content, site, state, "Title A");

        writePages(content, "v2", 0, 10);     // edited
        writePages(content, "v1", 40, 45);    // added
        Files.delete(content.resolve("page-0039.md"));
        Files.delete(content.resolve("page-0038.md"));
        killAt(step, content, site, state, "Title B");

        build(content, site, state, "Title B");
        Map<String, String> recovered = snapshot(site);
        assertEquals(List.of("runbook-site", "runbook-site-state.json"), listing(target),
                "no .previous, .staging- or .tmp sibling is left after the next build");

        AtomicFiles.deleteRecursively(target);
        build(content, site, state, "Title B");
        assertEquals(snapshot(site), recovered, "killed at " + step + ", then built: the same bytes as a clean build");
        assertTrue(recovered.get("page-0003.html").contains("v2 body 3") && recovered.get("page-0003.html").contains("Title B"));
    }

    private void killAt(String step, Path content, Path site, Path state, String title) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Drunbook.test.pauseAt=" + step, "-cp",
                System.getProperty("java.class.path"), PublishChild.class.getName(), content.toString(), site.toString(),
                state.toString(), title)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("PAUSED " + step, out.readLine(), "the child reached the step");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs.
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        });
        assertEquals(137, child.exitValue(), "killed by SIGKILL at " + step);
    }

    private static void build(Path content, Path site, Path state, String title) throws Exception {
        new SiteBuilder().build(new SiteRequest(new ContentLoader().load(content), site, state, null, title, null, false,
                StatusSource.reviewOnly(new ReviewSchedule(null), TODAY), TODAY, "test", 1, RunLog.SILENT));
    }

    private static void writePages(Path content, String version, int from, int to) throws IOException {
        Files.createDirectories(content);
        for (int i = from; i < to; i++) {
            Files.writeString(content.resolve(String.format(Locale.ROOT, "page-%04d.md", i)),
                    "---\ntitle: Page " + i + "\ntags: [t" + (i % 5) + "]\n---\n# Page " + i + "\n\n" + version + " body " + i
                            + "\n\n[next](page-" + String.format(Locale.ROOT, "%04d", i + 1) + ".md)\n");
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        return FileTree.snapshot(folder);
    }
}
