package dev.runbook.mojo;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * runbook:validate's settings errors: a bad regular expression or map entry is a setup error under the
 * parameter's own name and property, before anything is read or written; and the property forms work.
 */
class ValidateMojoSettingsTest {

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private ValidateMojo mojo;

    @BeforeEach
    void mojo() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/ops"));
        Files.writeString(content.resolve("restart.md"), """
                # Restart

                See [the failover](failover.md). WIP: check the pool size.
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
        mojo.failOn = ValidateMojo.FAIL_ON_DEFAULT;
        mojo.offline = true;
        mojo.linksConnectTimeout = "10s";
        mojo.linksReadTimeout = "20s";
        mojo.linksTimeout = "60s";
        mojo.linksConcurrency = 8;
        mojo.linksPerHost = 2;
        mojo.linksHostSpacing = "200ms";
        mojo.linksMaxAttempts = 3;
        mojo.linksCacheTtl = "0s";
        mojo.shellcheck = "off";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence line) {
                warnings.add(line.toString());
            }
        });
    }

    @Test
    void aBadTodoPatternIsASetupErrorNamedAfterTodoPatterns() {
        mojo.todoPatterns = List.of("\\bWIP\\b", "(unclosed");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("todoPatterns (runbook.validate.todoPatterns): '(unclosed' is not a regular expression: Unclosed group",
                e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aBadFillInPatternIsASetupErrorNamedAfterFillInPatterns() {
        mojo.fillInPatterns = List.of("[A-Z");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("fillInPatterns (runbook.validate.fillInPatterns): '[A-Z' is not a regular expression: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("links.excludes") || e.getMessage().contains("Exception"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aGoodTodoPatternReportsPlaceholderTodo() throws Exception {
        mojo.todoPatterns = List.of("\\bWIP\\b");
        mojo.severitiesProperty = "link.file=warning,placeholder.todo=warning";
        mojo.execute();
        String json = Files.readString(dir.resolve("target/runbook/findings.json"));
        assertTrue(json.contains("\"placeholder.todo\"") && json.contains("WIP"), json);
    }

    @Test
    void theSeveritiesPropertyOverridesARuleLevel() throws Exception {
        assertThrows(MojoFailureException.class, mojo::execute, "link.file is an error by default");
        mojo.severitiesProperty = "link.file=warning";
        mojo.execute();
        assertTrue(Files.readString(dir.resolve("target/runbook/findings.json")).contains("\"warning\""));
    }

    @Test
    void aSeveritiesEntryWithoutALevelIsASetupError() {
        mojo.severitiesProperty = "link.file";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("runbook.validate.severities: 'link.file' is not key=value; write e.g. -Drunbook.validate.severities=a=1,b=2",
                e.getMessage());
    }

    @Test
    void theOldFailOnPropertyIsReadWithAWarningNamingTheNewOne() throws Exception {
        mojo.project.getProperties().setProperty("runbook.failOn", "none");
        mojo.execute();
        assertEquals(List.of("runbook: the property runbook.failOn is deprecated; use runbook.validate.failOn"
                + " (read this time as runbook.validate.failOn=none)"), warnings);
    }

    @Test
    void theNewPropertyWinsOverTheOldOneWithoutAWarning() {
        mojo.project.getProperties().setProperty("runbook.failOn", "none");
        mojo.project.getProperties().setProperty("runbook.validate.failOn", "error");
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of(), warnings);
    }

    @Test
    void alertRulesWithBasesFromThePomAndTheProperty() throws Exception {
        Files.createDirectories(dir.resolve("alerts"));
        Files.writeString(dir.resolve("alerts/ops.yaml"), """
                groups:
                - name: ops
                  rules:
                  - alert: Restart
                    expr: vector(1)
                    annotations:
                      runbook_url: https://runbooks.example.org/ops/restartt
                  - alert: Other
                    expr: vector(1)
                    annotations:
                      runbook_url: https://github.com/acme/ops/blob/main/content/ops/restart.md
                """);
        mojo.alertRules = List.of("alerts/*.yaml");
        mojo.alertRunbookBases = new java.util.Properties();
        mojo.alertRunbookBases.setProperty("https://runbooks.example.org/", ".");
        mojo.alertRunbookBasesProperty = "https://github.com/acme/ops/blob/main/content/=.";
        mojo.severitiesProperty = "link.file=off";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("found 1 problem"), e.getMessage());
        String json = Files.readString(dir.resolve("target/runbook/findings.json"));
        assertTrue(json.contains("alert Restart: runbook_url https://runbooks.example.org/ops/restartt is broken"), json);
        assertTrue(json.contains("did you mean ops/restart.md?"), json);
        assertFalse(json.contains("alert Other"), "the property's base maps the GitHub URL: " + json);
    }

    @Test
    void alertRulesWithoutBasesIsASetupError() {
        mojo.alertRules = List.of("alerts/*.yaml");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("alertRules is set but alertRunbookBases is empty"), e.getMessage());
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertFalse(Files.exists(dir.resolve("target/runbook/findings.json")), "no report for a run that never started");
    }
}
