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

    @Test
    void basesThatMatchNoRunbookUrlAreAWarningNotASilentPass() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        AlertSettings typo = new AlertSettings(List.of("alerts/**/*.yaml"), java.util.Map.of("https://runbook.example.org/", "."), temp);
        f.run(new AlertMissingRunbookRule(typo));
        assertEquals(1, f.logLines.stream().filter(l -> l.startsWith("WARN runbook: validate: none of the 6 runbook_urls starts with an alertRunbookBases prefix")).count(),
                f.logLines.toString());
        f.logLines.clear();
        f.run(new AlertMissingRunbookRule(AlertFixtures.settings(temp)));
        assertEquals(List.of("INFO runbook: validate: alerts: 8 in 2 rule files; 2 linked, 2 missing, 3 broken, 1 external; 2 orphan runbooks"),
                f.logLines);
    }
}
