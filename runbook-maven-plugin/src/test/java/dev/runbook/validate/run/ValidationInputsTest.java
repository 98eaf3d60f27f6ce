package dev.runbook.validate.run;

import dev.runbook.validate.Fixture;
import dev.runbook.validate.RuleSettings;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.findings.ValidationReport;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.policy.FailOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The up-to-date check of runbook:validate, driven through {@link ValidationRun} on real files. */
class ValidationInputsTest {

    private static final String UP_TO_DATE = "INFO runbook: validate: up to date, no input changed since the last run";

    @TempDir
    Path temp;

    private ValidateOptions options(Fixture f, boolean offline, Map<String, String> severities, FailOn failOn) {
        RuleSettings settings = RuleSettings.defaults()
                .withLinks(LinkCheckSettings.defaults().withOffline(offline))
                .withShellCheck(new RuleSettings.ShellCheck(RuleSettings.ShellCheck.Mode.OFF, null, Set.of()));
        return new ValidateOptions(f.root(), temp, temp.resolve("target"), Fixture.BUILD_DATE, failOn, severities, null,
                settings, "test");
    }

    private ValidateOptions offline(Fixture f) {
        return options(f, true, Map.of(), FailOn.ERROR);
    }

    /** Back-dates every file: edits made within a second or two of a run are never trusted by the check. */
    private static Fixture settled(Fixture f) throws java.io.IOException {
        java.nio.file.attribute.FileTime anHourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (var files = Files.walk(f.root())) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, anHourAgo);
            }
        }
        return f;
    }

    private static boolean skipped(Fixture f) {
        return f.logLines.stream().anyMatch(l -> l.startsWith(UP_TO_DATE));
    }

    @Test
    void aSecondOfflineRunWithNothingChangedRepeatsTheAnswerWithoutTheWork() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n\nTODO: write this\n").file("b.md", "# B\n\n[a](a.md#nope)\n"));
        RunbookProblemException first = assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(offline(f)));
        List<String> firstLines = List.copyOf(f.logLines);
        assertFalse(skipped(f));
        f.logLines.clear();

        RunbookProblemException second = assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(offline(f)));
        assertTrue(skipped(f), f.logLines.toString());
        assertEquals(first.getMessage(), second.getMessage(), "the same failure");
        List<String> findingLines = firstLines.stream().filter(l -> l.contains("content/")).toList();
        assertFalse(findingLines.isEmpty());
        assertTrue(f.logLines.containsAll(findingLines), "every finding is printed again: " + f.logLines);
        assertTrue(f.logLines.contains("INFO validate: 2 errors, 0 warnings in 2 of 2 runbooks"), f.logLines.toString());
    }

    @Test
    void anEditedRunbookIsValidatedAgain() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n").file("b.md", "# B\n"));
        assertEquals(List.of(), new ValidationRun(f.log()).run(offline(f)).findings());
        assertTrue(Files.exists(temp.resolve("target/runbook/" + ValidationInputs.FILE_NAME)));
        f.file("b.md", "# B\n\n[x](missing.md)\n");
        f.logLines.clear();
        assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(offline(f)));
        assertFalse(skipped(f), "the new broken link must be found");
    }

    @Test
    void aLinkedFileThatAppearsIsAChange() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n\n![diagram](img/flow.png)\n"));
        assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(offline(f)));
        Files.createDirectories(f.root().resolve("img"));
        Files.write(f.root().resolve("img/flow.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        f.logLines.clear();
        ValidationReport fixed = new ValidationRun(f.log()).run(offline(f));
        assertFalse(skipped(f));
        assertEquals(List.of(), fixed.findings());
    }

    @Test
    void otherSettingsMeanTheWork() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n\n[x](missing.md)\n"));
        assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(offline(f)));
        assertTrue(Files.exists(temp.resolve("target/runbook/" + ValidationInputs.FILE_NAME)));
        f.logLines.clear();
        ValidationReport off = new ValidationRun(f.log()).run(options(f, true, Map.of("link.file", "off"), FailOn.ERROR));
        assertFalse(skipped(f));
        assertEquals(List.of(), off.findings());
        f.logLines.clear();
        // failOn is part of the answer too: the same findings, another verdict.
        new ValidationRun(f.log()).run(options(f, true, Map.of("link.file", "off"), FailOn.NONE));
        assertFalse(skipped(f));
    }

    @Test
    void temporariesAKilledRunLeftBesideTheReportsAreRemovedByTheNextRun() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n"));
        Path work = Files.createDirectories(temp.resolve("target/runbook"));
        Path reports = Files.createDirectories(temp.resolve("target/runbook-reports"));
        List<Path> leftovers = List.of(work.resolve(".findings.json.0b5c-dead.tmp"), work.resolve(".findings.sarif.77aa.tmp"),
                reports.resolve(".TEST-runbook-validate.xml.1234.tmp"));
        for (Path leftover : leftovers) {
            Files.writeString(leftover, "{\"torn\": ");
        }
        Path unrelated = Files.writeString(work.resolve(".other.json.1.tmp"), "not ours");
        new ValidationRun(f.log()).run(offline(f));
        for (Path leftover : leftovers) {
            assertFalse(Files.exists(leftover), leftover + " survived");
        }
        assertTrue(Files.exists(unrelated), "only the reports' own temporaries are removed");
    }

    @Test
    void aReportDeletedOrEditedByHandMeansTheWork() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n"));
        new ValidationRun(f.log()).run(offline(f));
        assertTrue(Files.exists(temp.resolve("target/runbook/" + ValidationInputs.FILE_NAME)));
        Files.delete(temp.resolve("target/runbook/findings.sarif"));
        f.logLines.clear();
        new ValidationRun(f.log()).run(offline(f));
        assertFalse(skipped(f));
        assertTrue(Files.isRegularFile(temp.resolve("target/runbook/findings.sarif")));
        Files.writeString(temp.resolve("target/runbook/findings.json"), "{}");
        f.logLines.clear();
        new ValidationRun(f.log()).run(offline(f));
        assertFalse(skipped(f));
    }

    @Test
    void anOnlineRunAlwaysAsksTheWebUnlessExternalLinksAreOff() throws Exception {
        Fixture f = settled(new Fixture(temp).file("a.md", "# A\n"));
        new ValidationRun(f.log()).run(options(f, false, Map.of(), FailOn.ERROR));
        f.logLines.clear();
        new ValidationRun(f.log()).run(options(f, false, Map.of(), FailOn.ERROR));
        assertFalse(skipped(f), "web answers change with no input changing");
        assertFalse(Files.exists(temp.resolve("target/runbook/" + ValidationInputs.FILE_NAME)));

        new ValidationRun(f.log()).run(options(f, false, Map.of("link.external", "off"), FailOn.ERROR));
        f.logLines.clear();
        new ValidationRun(f.log()).run(options(f, false, Map.of("link.external", "off"), FailOn.ERROR));
        assertTrue(skipped(f), f.logLines.toString());
    }

    @Test
    void aFileEditedMomentsBeforeTheRunIsNotTrustedNextTime() throws Exception {
        Fixture f = new Fixture(temp).file("a.md", "# A\n");
        new ValidationRun(f.log()).run(offline(f));
        assertFalse(Files.exists(temp.resolve("target/runbook/" + ValidationInputs.FILE_NAME)),
                "a same-size rewrite within the clock's tick would keep the stamp");
        f.logLines.clear();
        new ValidationRun(f.log()).run(offline(f));
        assertFalse(skipped(f));
    }

    @Test
    void anEditedAlertRuleFileIsValidatedAgainAndAGlobMatchingNothingIsASetupError() throws Exception {
        Fixture f = settled(new Fixture(temp).file("db/DiskFull.md", "# DiskFull\n"));
        Path rules = temp.resolve("alerts/db.yaml");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, "groups:\n- name: db\n  rules:\n  - alert: DiskFull\n    expr: vector(1)\n"
                + "    annotations:\n      runbook_url: https://runbooks.example.org/db/diskfull\n");
        Files.setLastModifiedTime(rules, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        ValidateOptions plain = offline(f);
        ValidateOptions options = new ValidateOptions(plain.contentRoot(), plain.projectBase(), plain.buildDirectory(),
                plain.buildDate(), plain.failOn(), plain.severities(), null,
                plain.rules().withAlerts(new dev.runbook.alerts.AlertSettings(List.of("alerts/*.yaml"),
                        Map.of("https://runbooks.example.org/", "."), temp)), "test");
        assertEquals(List.of(), new ValidationRun(f.log()).run(options).findings());
        f.logLines.clear();
        assertEquals(List.of(), new ValidationRun(f.log()).run(options).findings());
        assertTrue(skipped(f), "nothing changed: " + f.logLines);

        f.logLines.clear();
        Files.writeString(rules, Files.readString(rules).replace("db/diskfull", "db/diskful"));
        Files.setLastModifiedTime(rules, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(1800)));
        RunbookProblemException e = assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(options));
        assertFalse(skipped(f), "the rule file changed: " + f.logLines);
        assertTrue(f.logLines.stream().anyMatch(l -> l.contains("alerts/db.yaml:7:20: error [alert.broken-runbook-url]")), f.logLines.toString());

        ValidateOptions nothing = new ValidateOptions(plain.contentRoot(), plain.projectBase(), plain.buildDirectory(),
                plain.buildDate(), plain.failOn(), plain.severities(), null,
                plain.rules().withAlerts(new dev.runbook.alerts.AlertSettings(List.of("rules/*.yaml"),
                        Map.of("https://runbooks.example.org/", "."), temp)), "test");
        dev.runbook.core.SetupException setup = assertThrows(dev.runbook.core.SetupException.class,
                () -> new ValidationRun(f.log()).run(nothing));
        assertTrue(setup.getMessage().contains("'rules/*.yaml' matches no file"), setup.getMessage());
    }
}
