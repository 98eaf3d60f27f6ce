package dev.runbook.hostile;

import dev.runbook.core.AtomicFiles;
import dev.runbook.core.OutputLayout;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #14: kill -9 at every step of publishing the validation reports (findings.json, SARIF, JUnit XML), in a real
 * child JVM stopped at the step by {@code -Drunbook.test.pauseAt}. Until the set is published, the reports on
 * disk are all the previous run's; after the next run, all three match a clean run's, and nothing of the
 * killed run is left beside them.
 */
class ReportsKillTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"reports.staged", "reports.published-1", "reports.published-2", "reports.published-3"})
    void aValidationKilledAtAnyStepLeavesOneRunsReportsAndTheNextRunWritesTheSetAgain(String step) throws Exception {
        Path content = dir.resolve("content");
        Path project = dir.resolve("project");
        OutputLayout layout = new OutputLayout(project.resolve("target"));
        List<Path> reports = List.of(layout.findingsJson(), layout.findingsSarif(), layout.validateJUnitXml());
        write(content, "Clean procedure.");
        ReportsChild.validate(content, project);
        Map<String, String> before = snapshot(reports);

        write(content, "TODO: fill in the failover command."); // the killed run has a finding the first had not
        killAt(step, content, project);
        if (step.equals("reports.staged")) {
            assertEquals(before, snapshot(reports), "nothing published before the whole set was written");
        }

        ReportsChild.validate(content, project);
        Map<String, String> recovered = snapshot(reports);
        assertTrue(recovered.get("findings.json").contains("placeholder.todo"), recovered.get("findings.json"));
        String runId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(recovered.get("findings.json")).get("runId").asText();
        assertEquals(12 * 2, runId.length(), runId);
        assertTrue(recovered.get("findings.sarif").contains("\"id\" : \"runbook-validate/" + runId + "\""), "SARIF names the same run");
        assertTrue(recovered.get("TEST-runbook-validate.xml").contains("<property name=\"runbook.runId\" value=\"" + runId + "\""),
                "the JUnit XML names the same run");
        assertFalse(runId.equals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(before.get("findings.json")).get("runId").asText()),
                "another run, another id");
        for (Path report : reports) {
            try (Stream<Path> siblings = Files.list(report.getParent())) {
                List<String> left = siblings.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
                assertEquals(List.of(), left, "temporaries of the killed run beside " + report);
            }
        }

        AtomicFiles.deleteRecursively(project);
        ReportsChild.validate(content, project);
        assertEquals(snapshot(reports), recovered, "killed at " + step + ", then validated: the same reports as a clean run");
    }

    private void killAt(String step, Path content, Path project) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Drunbook.test.pauseAt=" + step, "-cp",
                System.getProperty("java.class.path"), ReportsChild.class.getName(), content.toString(), project.toString())
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

    private static void write(Path content, String body) throws IOException {
        Files.createDirectories(content.resolve("db"));
        Files.writeString(content.resolve("db/failover.md"), "---\ntitle: Fail over\n---\n# Fail over\n\n" + body + "\n");
        Files.writeString(content.resolve("db/backup.md"), "---\ntitle: Back up\n---\n# Back up\n\nRun the backup.\n");
    }

    /** The three reports by file name; the run's own time and durations are left out (they differ by design). */
    private static Map<String, String> snapshot(List<Path> reports) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path report : reports) {
            assertFalse(Files.isDirectory(report));
            String text = Files.readString(report)
                    .replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"…\"")
                    .replaceAll(" time=\"[^\"]*\"", " time=\"…\"");
            files.put(report.getFileName().toString(), text);
        }
        return files;
    }
}
