package dev.runbook.validate.alerts;

import dev.runbook.findings.Finding;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRuleFileRuleTest {

    @TempDir
    Path temp;

    @Test
    void aBrokenFileIsOneFindingAtItsPositionAndTheOthersAreStillChecked() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        AlertFixtures.rules(temp, "alerts/bad.yaml", "groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: [unclosed\n");
        List<Finding> findings = f.run(new AlertRuleFileRule(AlertFixtures.settings(temp)),
                new AlertMissingRunbookRule(AlertFixtures.settings(temp)));
        Finding bad = findings.stream().filter(x -> x.ruleId().equals(AlertRuleFileRule.ID)).findFirst().orElseThrow();
        assertEquals("../alerts/bad.yaml", bad.file());
        assertTrue(bad.line() >= 5, bad.toConsoleLine());
        assertTrue(bad.message().startsWith("not valid YAML: "), bad.message());
        assertTrue(!bad.message().contains("\tat "), "no stack trace: " + bad.message());
        assertEquals(2, findings.stream().filter(x -> x.ruleId().equals(AlertMissingRunbookRule.ID)).count());
        assertEquals(List.of(), f.logLines.stream().filter(l -> !l.startsWith("INFO ")).toList(), "no rule failed");
    }
}
