package dev.runbook.mojo;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The goal's wiring: parameters to policy, core outcomes to Maven's. The gate itself is tested in dev.runbook.report. */
class ReportMojoTest {

    @TempDir
    Path dir;
    private final List<String> lines = new ArrayList<>();
    private ReportMojo mojo;

    @BeforeEach
    void mojo() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/ops"));
        Files.writeString(content.resolve("restart.md"), "---\nowner: team-ops\nseverity: P1\nlast_reviewed: 2026-11-01\n---\n# Restart\n");
        mojo = new ReportMojo();
        mojo.contentDirectory = dir.resolve("content").toFile();
        mojo.buildDirectory = dir.resolve("target").toFile();
        mojo.asOf = "2026-11-22";
        mojo.reviewEvery = "90d";
        mojo.smokeMaxAge = "7d";
        mojo.siteDirectory = dir.resolve("target/runbook-site").toFile();
        mojo.siteTitle = "Runbooks";
        mojo.maxWarnings = -1;
        mojo.maxTodos = -1;
        mojo.maxOverdue = -1;
        mojo.failOnFailingSmoke = true;
        mojo.failBuild = true;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
    }

    @Test
    void withoutValidationResultsTheGoalSaysWhatToRunFirst() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("Run runbook:validate first"), e.getMessage());
    }

    @Test
    void anUnknownSeverityIsASetupErrorNamingTheChoices() throws Exception {
        findings("");
        mojo.requireVerifiedFor = List.of("P1, P9");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("runbook.report.requireVerifiedFor: 'P9' is not a severity; use P0, P1, P2, P3 or P4", e.getMessage());
    }

    @Test
    void aFailingGateFailsTheBuildWithTheParagraphAndTheReportPath() throws Exception {
        findings("");
        mojo.requireVerifiedFor = List.of("p1");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Release gate failed. 1 P1 runbook is not verified by a recent smoke run "
                + "(requireVerifiedFor=P1). Blocking: ops/restart.md. See "), e.getMessage());
        assertTrue(Files.isRegularFile(dir.resolve("target/runbook/report.html")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("runbook: report: FAIL")), lines.toString());
    }

    @Test
    void aPassingGateSaysSoAndWhereTheReportIs() throws Exception {
        findings("");
        mojo.execute();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("runbook: report: PASS — Release gate passed: 1 runbook, 0 verified, 0 errors")), lines.toString());
        assertTrue(lines.contains("runbook: report: " + dir.resolve("target/runbook/report.html")), lines.toString());
    }

    private void findings(String entries) throws Exception {
        Files.createDirectories(dir.resolve("target/runbook"));
        Files.writeString(dir.resolve("target/runbook/findings.json"),
                "{\"version\":1,\"buildDate\":\"2026-11-22\",\"findings\":[" + entries + "],\"baselined\":[]}");
    }
}
