package dev.runbook.validate.alerts;

import dev.runbook.findings.Finding;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertOrphanRunbookRuleTest {

    @TempDir
    Path temp;

    @Test
    void aDeclaredAlertThatIsGoneAndAPageNamedForNoAlertInALinkedFolderAreReported() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        List<Finding> findings = f.run(new AlertOrphanRunbookRule(AlertFixtures.settings(temp)));
        // db/_index.md is the folder's index; net/ holds only the page an alert links to.
        assertEquals(List.of("db/OldAlert.md:1 runbook for alert OldAlert (its file name), but no alert rule has that name"
                        + " and no runbook_url leads here",
                "notes/Declared.md:2 front-matter names alert GoneAlert, which no alert rule defines"),
                findings.stream().map(x -> x.file() + ":" + x.line() + " " + x.message()).toList());
    }

    @Test
    void aDeclaredAlertThatExistsIsNoOrphanEvenOutsideLinkedFolders() {
        Fixture f = AlertFixtures.content(temp).file("notes/Declared.md", "---\nalert: [NoRunbook, Etcd]\n---\n# Two alerts\n");
        AlertFixtures.everyCase(temp);
        List<Finding> findings = f.run(new AlertOrphanRunbookRule(AlertFixtures.settings(temp)));
        assertEquals(List.of("db/OldAlert.md"), findings.stream().map(Finding::file).toList());
    }

    @Test
    void aSuppressionBeforeTheFirstHeadingCoversAFileNameOrphan() throws Exception {
        Fixture f = AlertFixtures.content(temp)
                .file("db/OldAlert.md", "---\ntitle: Old\n---\n<!-- runbook-ignore alert.orphan-runbook: defined in the platform team's rules -->\n# OldAlert\n");
        AlertFixtures.everyCase(temp);
        List<String> ids = List.of(AlertOrphanRunbookRule.ID, "suppression.no-reason", "suppression.unused");
        dev.runbook.validate.policy.ValidationPolicy policy = new dev.runbook.validate.policy.ValidationPolicy(
                dev.runbook.validate.policy.SeverityOverrides.parse(java.util.Map.of(), ids),
                dev.runbook.validate.policy.Baseline.EMPTY, ids);
        List<Finding> findings = new dev.runbook.validate.run.Validator(List.of(new AlertOrphanRunbookRule(AlertFixtures.settings(temp))),
                policy).validate(f.context()).findings();
        assertEquals(List.of("notes/Declared.md"), findings.stream().map(Finding::file).toList());
    }
}
