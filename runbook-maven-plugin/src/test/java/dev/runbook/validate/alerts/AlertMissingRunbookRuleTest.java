package dev.runbook.validate.alerts;

import dev.runbook.alerts.AlertSettings;
import dev.runbook.findings.Finding;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertMissingRunbookRuleTest {

    @TempDir
    Path temp;

    @Test
    void anAlertWithoutRunbookUrlOrWithNaIsReportedAtItsRuleAndExternalUrlsAreNot() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        List<Finding> findings = f.run(new AlertMissingRunbookRule(AlertFixtures.settings(temp)));
        assertEquals(List.of(
                "../alerts/db.yaml:20:5 alert NoRunbook has no runbook: no runbook_url annotation",
                "../alerts/db.yaml:25:20 alert LinkDown has no runbook: runbook_url 'NA' is not an http(s) URL"),
                findings.stream().map(x -> x.file() + ":" + x.line() + ":" + x.column() + " " + x.message()).toList());
        assertEquals("net/LinkDown.md looks like its runbook: add a runbook_url annotation that leads there", findings.get(1).hint());
    }

    @Test
    void nothingRunsWithoutAlertRules() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        assertEquals(List.of(), f.run(new AlertMissingRunbookRule(AlertSettings.OFF)));
    }
}
