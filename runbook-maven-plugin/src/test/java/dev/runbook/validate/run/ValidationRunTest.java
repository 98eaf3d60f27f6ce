package dev.runbook.validate.run;

import dev.runbook.validate.Fixture;
import dev.runbook.validate.RuleSettings;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.findings.io.FindingsJson;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationRunTest {

    @TempDir
    Path temp;

    private ValidateOptions options(Fixture f, FailOn failOn, Map<String, String> severities, Path baseline) {
        return new ValidateOptions(f.root(), temp, temp.resolve("target"), Fixture.BUILD_DATE, failOn, severities, baseline,
                RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true)), "test");
    }

    @Test
    void brokenContentFailsWithReportsWrittenAndLinesLogged() throws Exception {
        Fixture f = new Fixture(temp).file("a.md", "# A\n\n[x](missing.md)\n").file("b.md", "# B\n");
        RunbookProblemException e = assertThrows(RunbookProblemException.class,
                () -> new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of(), null)));
        assertTrue(e.getMessage().startsWith("runbook:validate found 1 problem at or above failOn=error"), e.getMessage());
        assertTrue(e.getMessage().contains("findings.json"), e.getMessage());
        assertTrue(f.logLines.contains("WARN content/a.md:3:5: error [link.file] link 'missing.md' points to missing.md,"
                + " which does not exist (fix: fix the path (it is relative to this page) or add the file)"), f.logLines.toString());
        assertTrue(f.logLines.contains("INFO validate: 1 error, 0 warnings in 1 of 2 runbooks"), f.logLines.toString());
        assertTrue(Files.isRegularFile(temp.resolve("target/runbook/findings.json")));
        assertTrue(Files.isRegularFile(temp.resolve("target/runbook/findings.sarif")));
        assertTrue(Files.isRegularFile(temp.resolve("target/runbook-reports/TEST-runbook-validate.xml")));
    }

    @Test
    void severityOffAndBaselineLetTheBuildPass() throws Exception {
        Fixture f = new Fixture(temp).file("a.md", "# A\n\n[x](missing.md)\n");
        ValidationReport off = new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of("link.file", "off"), null));
        assertEquals(List.of(), off.findings());

        assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of(), null)));
        Path baseline = temp.resolve("runbook-baseline.json");
        Files.copy(temp.resolve("target/runbook/findings.json"), baseline);
        f.file("a.md", "# A\n\nA new paragraph pushes the link down.\n\n[x](missing.md)\n");
        ValidationReport accepted = new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of(), baseline));
        assertEquals(List.of(), accepted.findings());
        assertEquals(1, accepted.baselined().size());
        assertEquals(1, FindingsJson.read(temp.resolve("target/runbook/findings.json")).baselined().size());
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws Exception {
        Fixture f = new Fixture(temp).file("a.md", "---\nlast_reviewed: 2025-01-01\n---\n# A\n");
        assertEquals(1, new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of(), null)).findings().size());
        assertThrows(RunbookProblemException.class, () -> new ValidationRun(f.log()).run(options(f, FailOn.WARNING, Map.of(), null)));
    }

    @Test
    void missingBaselineAndUnknownRuleAreSetupErrors() {
        Fixture f = new Fixture(temp).file("a.md", "# A\n");
        assertThrows(SetupException.class, () -> new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of(), temp.resolve("nope.json"))));
        assertThrows(SetupException.class, () -> new ValidationRun(f.log()).run(options(f, FailOn.ERROR, Map.of("link.nope", "off"), null)));
    }
}
