package dev.runbook.hostile;

import dev.runbook.core.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
