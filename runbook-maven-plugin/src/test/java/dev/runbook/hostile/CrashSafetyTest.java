package dev.runbook.hostile;

import dev.runbook.testing.FileTree;
import dev.runbook.core.AtomicFiles;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.load.ContentLoader;
import dev.runbook.secrets.Redactor;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteResult;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.SmokeResultsJson;
import dev.runbook.smoke.results.SmokeResultsStatus;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import dev.runbook.validate.links.external.LinkCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of writing output: the previous output must be intact, and the next run must
 * succeed and leave nothing of the torn one behind.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aFolderBuildKilledHalfwayLeavesThePreviousFolderIntact() throws Exception {
        Path site = dir.resolve("runbook-site");
        runToCompletion("folder", site, "v1");
        assertEquals("v1 page 7", Files.readString(site.resolve("page-7.html")));

        killHalfway("folder", site, "v2");
        assertEquals(200, countFiles(site), "the old site is whole");
        assertEquals("v1 page 150", Files.readString(site.resolve("page-150.html")));
        assertTrue(siblings(site).stream().anyMatch(n -> n.contains(".staging-")), "the torn build is left beside, not in place");

        runToCompletion("folder", site, "v3");
        assertEquals("v3 page 150", Files.readString(site.resolve("page-150.html")));
        assertEquals(List.of("runbook-site"), siblings(site), "torn staging folders are cleared by the next build");
    }

    @Test
    void aFileWriteKilledHalfwayLeavesThePreviousFileIntact() throws Exception {
        Path results = dir.resolve("smoke-results.json");
        runToCompletion("file", results, "v1");
        String before = Files.readString(results);

        killHalfway("file", results, "v2");
        assertEquals(before, Files.readString(results));

        runToCompletion("file", results, "v3");
        assertTrue(Files.readString(results).startsWith("v3 line 0\n"));
        assertTrue(Files.readString(results).endsWith("v3 line 1999\n"));
    }

    @Test
    void aSwapCutBetweenItsTwoRenamesIsRepairedByTheNextBuild() throws Exception {
        Path site = dir.resolve("runbook-site");
        runToCompletion("folder", site, "v1");
        // The state a kill between the two renames leaves: the old folder moved aside, the new one not yet in place.
        Files.move(site, dir.resolve("runbook-site.previous"));
        AtomicFiles.recoverInterruptedSwap(site);
        assertEquals("v1 page 3", Files.readString(site.resolve("page-3.html")));
        assertFalse(Files.exists(dir.resolve("runbook-site.previous")));
    }

    @Test
    void aRealSiteBuildKilledMidwayLeavesThePreviousSiteIntactAndTheNextBuildSucceeds() throws Exception {
        Path content = dir.resolve("content");
        Path site = dir.resolve("target/runbook-site");
        Path state = dir.resolve("target/runbook-site-state.json");
        writePages(content, "v1", 1500);
        assertEquals(0, siteBuild(content, site, state, 1).waitFor(), "the first build completes");
        Map<String, String> before = snapshot(site);
        String stateBefore = Files.readString(state);
        assertTrue(before.get("page-0042.html").contains("v1 body 42"));

        writePages(content, "v2", 1500);
        killSiteBuildHalfway(content, site, state);
        assertEquals(before, snapshot(site), "the previous site is whole and unchanged");
        assertEquals(stateBefore, Files.readString(state), "the manifest still describes the previous site");
        assertTrue(siblings(site).stream().anyMatch(n -> n.contains(".staging-")), "the torn build is beside the site");

        Process next = siteBuild(content, site, state, 1);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertEquals(0, next.waitFor()));
        assertTrue(Files.readString(site.resolve("page-0042.html")).contains("v2 body 42"));
        assertTrue(Files.readString(site.resolve("page-1499.html")).contains("v2 body 1499"));
        assertEquals(List.of(), siblings(site).stream().filter(n -> n.contains(".staging-")).toList(),
                "the next build clears the torn staging folder");
    }

    /**
     * An incremental build takes the site the last swap replaced (kept beside the manifest) as its staging
     * folder. Killed after taking it, the build leaves the live site and its manifest as they were, and the
     * recycled folder is then an ordinary torn staging folder, which the next build clears.
     */
    @Test
    void aSiteBuildKilledAfterTakingTheRecycledSiteLeavesThePreviousSiteIntact() throws Exception {
        Path content = dir.resolve("content");
        Path site = dir.resolve("target/runbook-site");
        Path state = dir.resolve("target/runbook-site-state.json");
        Path recycled = dir.resolve("target/runbook-site-state.recycled");
        writePages(content, "v1", 400);
        assertTrue(buildInProcess(content, site, state).fullRebuild());
        Files.writeString(content.resolve("page-0001.md"), "# Page 1\n\nv1 edited body 1\n");
        assertFalse(buildInProcess(content, site, state).fullRebuild());
        assertTrue(Files.isDirectory(recycled), "the replaced site waits to be recycled");
        Map<String, String> before = snapshot(site);
        String stateBefore = Files.readString(state);

        writePages(content, "v2", 400);
        killSiteBuildHalfway(content, site, state);
        assertEquals(before, snapshot(site), "the previous site is whole and unchanged");
        assertEquals(stateBefore, Files.readString(state), "the manifest still describes the previous site");
        assertFalse(Files.exists(recycled), "the recycled folder was taken as the staging folder");
        assertTrue(siblings(site).stream().anyMatch(n -> n.contains(".staging-")), "the torn build is beside the site");

        SiteResult next = buildInProcess(content, site, state);
        assertFalse(next.fullRebuild());
        assertTrue(Files.readString(site.resolve("page-0042.html")).contains("v2 body 42"));
        assertTrue(Files.readString(site.resolve("page-0001.html")).contains("v2 body 1"));
        assertEquals(List.of(), siblings(site).stream().filter(n -> n.contains(".staging-")).toList(),
                "the next build clears the torn staging folder");
        assertTrue(Files.isDirectory(recycled), "and keeps the site it replaced for the next one");
    }

    @Test
    void aTornOrGarbledSiteManifestMeansAFullRebuild() throws Exception {
        Path content = dir.resolve("content");
        Path site = dir.resolve("target/runbook-site");
        Path state = dir.resolve("target/runbook-site-state.json");
        writePages(content, "v1", 3);
        assertEquals(0, siteBuild(content, site, state, 1).waitFor());
        String good = Files.readString(state);
        for (String bad : garbage(good)) {
            Files.writeString(state, bad);
            SiteResult result = buildInProcess(content, site, state);
            assertTrue(result.fullRebuild(), "a damaged manifest rebuilds everything: " + abbreviate(bad));
            assertTrue(Files.readString(site.resolve("page-0002.html")).contains("v1 body 2"));
            assertEquals(good.length(), Files.readString(state).length(), "the manifest is rewritten whole");
        }
    }

    @Test
    void aTornOrGarbledLinkCacheIsIgnoredAndRewritten() throws Exception {
        Path file = dir.resolve("target/runbook/link-cache.json");
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC);
        LinkCache first = LinkCache.load(file, Duration.ofDays(1), clock);
        first.record(dev.runbook.validate.links.external.CheckResult.ok("https://a.example/", null));
        first.record(dev.runbook.validate.links.external.CheckResult.ok("https://b.example/", "https://b.example/new"));
        first.save();
        String good = Files.readString(file);
        assertTrue(LinkCache.load(file, Duration.ofDays(1), clock).lookup("https://a.example/").isPresent());

        for (String bad : garbage(good)) {
            Files.writeString(file, bad);
            LinkCache damaged = LinkCache.load(file, Duration.ofDays(1), clock);
            assertTrue(damaged.lookup("https://a.example/").isEmpty() || bad.contains("https://a.example/"),
                    "a damaged cache costs a re-check: " + abbreviate(bad));
            damaged.record(dev.runbook.validate.links.external.CheckResult.ok("https://a.example/", null));
            damaged.save();
            assertTrue(LinkCache.load(file, Duration.ofDays(1), clock).lookup("https://a.example/").isPresent(),
                    "the next save rewrites a readable cache");
        }
    }

    @Test
    void aTornOrGarbledSmokeResultsFileIsReportedClearlyAndTheNextRunRewritesIt() throws Exception {
        Path file = dir.resolve("target/runbook/smoke-results.json");
        Files.createDirectories(file.getParent());
        Instant at = Instant.parse("2026-11-22T04:00:00Z");
        SmokeResults run = new SmokeResults("staging", at, 10, List.of(new CheckResult("a.md", 3, "health", "f1",
                Outcome.PASS, 5, "", "staging", at, 1)));
        SmokeResultsJson.write(file, run, Redactor.NONE);
        String good = Files.readString(file);
        ReviewSchedule schedule = new ReviewSchedule(null);
        LocalDate today = LocalDate.of(2026, 11, 22);

        for (String bad : garbage(good)) {
            Files.writeString(file, bad);
            try {
                SmokeResultsStatus.load(file, Duration.ofDays(7), schedule, today, at);
            } catch (SetupException e) {
                assertTrue(e.getMessage().startsWith("cannot read smoke results " + file), e.getMessage());
                assertTrue(e.getMessage().contains("run runbook:smoke again"), e.getMessage());
            }
            SmokeResultsJson.write(file, run, Redactor.NONE); // What the next runbook:smoke does.
            assertEquals(1, SmokeResultsJson.read(file).results().size());
        }
    }

    /** Damaged versions of a good file: cut at many points, emptied, JSON of the wrong shape, binary noise. */
    private static List<String> garbage(String good) {
        List<String> out = new ArrayList<>(List.of("", "{", "null", "[]", "42", "\"text\"", "{\"format\":1}",
                "{\"version\":1,\"urls\":[1,2]}", "{\"format\":1,\"global\":\"g\",\"generated\":[null]}",
                "\u0000\u0001\u00ff\ufffd"));
        for (int cut = 1; cut < good.length(); cut += Math.max(1, good.length() / 40)) {
            out.add(good.substring(0, cut));
        }
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static void writePages(Path content, String version, int count) throws IOException {
        Files.createDirectories(content);
        for (int i = 0; i < count; i++) {
            String body = ("Paragraph of " + version + " with some words to render. ").repeat(40);
            Files.writeString(content.resolve(String.format(java.util.Locale.ROOT, "page-%04d.md", i)),
                    "---\ntitle: Page " + i + "\ntags: [t" + (i % 20) + "]\n---\n# Page " + i + "\n\n" + version + " body " + i
                            + "\n\n## Steps\n\n" + body + "\n\n```bash\necho " + i + "\n```\n");
        }
    }

    /** Starts a site build in a child JVM and SIGKILLs it once it has rendered 100 pages. */
    private static void killSiteBuildHalfway(Path content, Path site, Path state) throws Exception {
        Process child = siteBuild(content, site, state, 100);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HALFWAY", out.readLine(), "the child reached the middle of its build");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs.
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        });
        assertEquals(137, child.exitValue(), "killed by SIGKILL, not finished");
    }

    private static Process siteBuild(Path content, Path site, Path state, int halfway) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SiteBuildChild.class.getName(), content.toString(), site.toString(), state.toString(), String.valueOf(halfway))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static SiteResult buildInProcess(Path content, Path site, Path state) throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 22);
        return new SiteBuilder().build(new SiteRequest(new ContentLoader().load(content), site, state, null, "Runbooks",
                null, false, StatusSource.reviewOnly(new ReviewSchedule(null), today), today, "test", 1, RunLog.SILENT));
    }

    /** Every file of a folder with its text, to compare a site before and after. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        return FileTree.snapshot(folder);
    }

    private static void runToCompletion(String mode, Path target, String version) throws Exception {
        Process process = start(mode, target, version);
        process.getOutputStream().write('\n');
        process.getOutputStream().close();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertEquals(0, process.waitFor()));
    }

    private static void killHalfway(String mode, Path target, String version) throws Exception {
        Process process = start(mode, target, version);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("HALFWAY")) {
                // Wait for the child to reach the middle of its write.
            }
            assertEquals("HALFWAY", line);
            process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks.
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        });
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
    }

    private static Process start(String mode, Path target, String version) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HalfwayWriter.class.getName(),
                mode, target.toString(), version)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static long countFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private List<String> siblings(Path path) throws Exception {
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(path.getFileName().toString())).sorted().toList();
        }
    }
}
