package dev.runbook.alerts;

import dev.runbook.core.SetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRuleFilesTest {

    @TempDir
    Path temp;

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private AlertRuleSet read(String... globs) throws SetupException {
        Files.exists(temp.resolve("content"));
        return AlertRuleFiles.read(AlertRuleFiles.find(temp, List.of(globs)), temp.resolve("content"));
    }

    @Test
    void ruleGroupFileGivesEveryAlertWithItsLineAndSkipsRecordingRules() throws Exception {
        write("alerts/node.rules.yml", """
                groups:
                  - name: node
                    rules:
                      - record: instance:cpu:rate5m
                        expr: rate(node_cpu_seconds_total[5m])
                      - alert: NodeDown
                        expr: up{job="node"} == 0
                        for: 5m
                        labels:
                          severity: critical
                          team: infra
                        annotations:
                          summary: Node is down
                          runbook_url: https://runbooks.example.org/node/nodedown
                """);
        AlertRuleSet set = read("alerts/*.yml");
        assertEquals(List.of(), set.problems());
        assertEquals(List.of("../alerts/node.rules.yml"), set.files());
        AlertRule alert = set.alerts().get(0);
        assertEquals(1, set.alerts().size());
        assertEquals("NodeDown", alert.name());
        assertEquals("up{job=\"node\"} == 0", alert.expr());
        assertEquals("5m", alert.forDuration());
        assertEquals("critical", alert.severity());
        assertEquals(List.of("severity", "team"), List.copyOf(alert.labels().keySet()));
        assertEquals("node", alert.group());
        assertEquals(new AlertRule.Position(6, 9), alert.at());
        assertEquals(new AlertRule.Position(14, 24), alert.urlAt());
        assertEquals("https://runbooks.example.org/node/nodedown", alert.runbookUrl());
    }

    @Test
    void prometheusRuleManifestAndMultiDocumentFilesAreRead() throws Exception {
        write("deploy/all.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: app-rules
                spec:
                  groups:
                  - name: app
                    rules:
                    - alert: AppDown
                      expr: up == 0
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                spec:
                  groups:
                  - name: app2
                    rules:
                    - alert: AppSlow
                      expr: latency > 1
                      annotations:
                        runbook_url: https://x.example/app-slow
                """);
        AlertRuleSet set = read("deploy/**.yaml");
        assertEquals(List.of(), set.problems());
        assertEquals(List.of("AppDown", "AppSlow"), set.alerts().stream().map(AlertRule::name).toList());
        assertEquals(14, set.alerts().get(0).at().line());
        assertNull(set.alerts().get(0).runbookUrl());
        assertEquals(23, set.alerts().get(1).at().line());
    }

    @Test
    void brokenYamlIsOneProblemWithItsPositionAndTheOtherFilesStillCount() throws Exception {
        write("alerts/a-broken.yaml", """
                groups:
                  - name: x
                    rules:
                      - alert: Broken
                        expr: "unterminated
                        for: 5m
                """);
        write("alerts/b-good.yaml", """
                groups:
                  - name: y
                    rules:
                      - alert: Good
                        expr: vector(1)
                """);
        AlertRuleSet set = read("alerts/*.yaml");
        assertEquals(List.of("Good"), set.alerts().stream().map(AlertRule::name).toList());
        assertEquals(1, set.problems().size());
        RuleFileProblem problem = set.problems().get(0);
        assertEquals("../alerts/a-broken.yaml", problem.file());
        assertTrue(problem.message().startsWith("not valid YAML: "), problem.message());
        assertTrue(problem.at().line() >= 5, problem.toString());
    }

    @Test
    void aFileWithoutRuleGroupsAndMalformedRulesAreProblems() throws Exception {
        write("alerts/values.yaml", "replicas: 3\n");
        write("alerts/odd.yaml", """
                groups:
                  - name: z
                    rules:
                      - expr: up == 0
                      - alert: [not, a, name]
                """);
        AlertRuleSet set = read("alerts/*.yaml");
        assertEquals(List.of(), set.alerts());
        assertEquals(List.of("a rule has neither 'alert' nor 'record'", "'alert' must be the alert's name",
                "no rule groups: neither 'groups:' (a Prometheus rule file) nor 'spec: groups:' (a PrometheusRule) in any document"),
                set.problems().stream().map(RuleFileProblem::message).toList());
        assertEquals(new AlertRule.Position(4, 9), set.problems().get(0).at());
    }

    @Test
    void notUtf8IsAProblemNotACrash() throws Exception {
        Path file = temp.resolve("alerts/latin1.yaml");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'g', 'r', 'o', 'u', 'p', 's', ':', ' ', (byte) 0xE9, '\n'});
        AlertRuleSet set = read("alerts/latin1.yaml");
        assertEquals(1, set.problems().size());
        assertEquals(1, set.problems().get(0).at().line());
    }

    @Test
    void aGlobThatMatchesNothingIsASetupError() {
        SetupException e = assertThrows(SetupException.class, () -> AlertRuleFiles.find(temp, List.of("alerts/**/*.yaml")));
        assertTrue(e.getMessage().contains("alertRules: 'alerts/**/*.yaml' matches no file"), e.getMessage());
        assertThrows(SetupException.class, () -> AlertRuleFiles.find(temp, List.of("../outside/*.yaml")));
    }

    @Test
    void aBrokenDocumentHidesNoneOfTheDocumentsBeforeIt() throws Exception {
        write("alerts/multi.yaml", """
                kind: PrometheusRule
                spec:
                  groups:
                  - name: a
                    rules:
                    - alert: First
                      expr: vector(1)
                ---
                kind: PrometheusRule
                spec:
                  groups: [unclosed
                """);
        AlertRuleSet set = read("alerts/multi.yaml");
        assertEquals(List.of("First"), set.alerts().stream().map(AlertRule::name).toList());
        assertEquals(1, set.problems().size());
        assertTrue(set.problems().get(0).at().line() >= 11, set.problems().toString());
    }
}
