package dev.runbook.mojo;

import dev.runbook.testing.RequiredTool;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The shellcheck parameters of runbook:validate, with the real ShellCheck binary (CI installs it). */
class ValidateMojoShellCheckTest {

    private static final Path SHELLCHECK = RequiredTool.shellcheck();

    @TempDir
    Path dir;
    private final List<String> infos = new ArrayList<>();
    private ValidateMojo mojo;

    @BeforeEach
    void mojo() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/ops"));
        Files.writeString(content.resolve("restart.md"), """
                ---
                owner: team-ops
                severity: P1
                last_reviewed: 2026-11-01
                ---
                # Restart

                ```bash
                kubectl -n $NS rollout restart deploy/api
                ```
                """);
        mojo = new ValidateMojo();
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        mojo.project = project;
        mojo.contentDirectory = dir.resolve("content").toFile();
        mojo.buildDirectory = dir.resolve("target").toFile();
        mojo.asOf = "2026-11-22";
        mojo.reviewEvery = "90d";
        mojo.smokeMaxAge = "7d";
        mojo.failOn = "error";
        mojo.offline = true;
        mojo.linksConnectTimeout = "10s";
        mojo.linksReadTimeout = "20s";
        mojo.linksTimeout = "60s";
        mojo.linksConcurrency = 8;
        mojo.linksPerHost = 2;
        mojo.linksHostSpacing = "200ms";
        mojo.linksMaxAttempts = 3;
        mojo.linksCacheTtl = "0s";
        mojo.shellcheck = "auto";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence line) {
                infos.add(line.toString());
            }
        });
    }

    private String findingsJson() throws Exception {
        return Files.readString(dir.resolve("target/runbook/findings.json"));
    }

    @Test
    void onWithAMissingBinaryIsASetupErrorThatSaysWhatToDo() {
        mojo.shellcheck = "on";
        mojo.shellcheckPath = dir.resolve("no-such/shellcheck").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("ShellCheck was not found at " + mojo.shellcheckPath)
                && e.getMessage().contains("apt-get install shellcheck"), e.getMessage());
    }

    @Test
    void anUnknownModeIsASetupError() {
        mojo.shellcheck = "sometimes";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("runbook.validate.shellcheck") && e.getMessage().contains("auto, on or off"), e.getMessage());
    }

    @Test
    void autoRunsTheInstalledShellCheckAndReportsAWarning() throws Exception {
        if (!Files.isExecutable(SHELLCHECK)) {
            fail("this test runs the real ShellCheck and needs " + SHELLCHECK + ": apt-get install -y shellcheck");
        }
        mojo.shellcheckPath = SHELLCHECK.toFile();
        mojo.execute();
        String json = findingsJson();
        assertTrue(json.contains("command.shellcheck") && json.contains("SC2086"), json);
    }

    @Test
    void autoWithoutTheBinarySkipsWithOneInfoLine() throws Exception {
        mojo.shellcheckPath = dir.resolve("no-such/shellcheck").toFile();
        mojo.execute();
        assertFalse(findingsJson().contains("command.shellcheck"), findingsJson());
        assertTrue(infos.stream().filter(l -> l.contains("ShellCheck is not installed")).count() == 1, infos.toString());
    }

    @Test
    void excludeReplacesTheDefaultList() throws Exception {
        if (!Files.isExecutable(SHELLCHECK)) {
            fail("this test runs the real ShellCheck and needs " + SHELLCHECK + ": apt-get install -y shellcheck");
        }
        mojo.shellcheckPath = SHELLCHECK.toFile();
        mojo.shellcheckExclude = List.of("2086");
        mojo.execute();
        assertFalse(findingsJson().contains("SC2086"), findingsJson());
    }
}
