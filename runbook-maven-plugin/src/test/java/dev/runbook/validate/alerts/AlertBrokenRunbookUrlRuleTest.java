package dev.runbook.validate.alerts;

import dev.runbook.findings.Finding;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertBrokenRunbookUrlRuleTest {

    @TempDir
    Path temp;

    @Test
    void aUrlToNoPageOrToAMissingAnchorIsReportedAtTheUrlWithTheClosest() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        List<Finding> findings = f.run(new AlertBrokenRunbookUrlRule(AlertFixtures.settings(temp)));
        assertEquals(List.of("../alerts/db.yaml:15:20", "../alerts/db.yaml:19:20", "../alerts/net.yaml:10:22"),
                findings.stream().map(x -> x.file() + ":" + x.line() + ":" + x.column()).toList());
        assertEquals("alert DiskFul: runbook_url https://runbooks.example.org/runbooks/diskful is broken: no runbook at"
                + " db/diskful.md or db/diskful/index.md or db/diskful/_index.md or db/diskful/README.md", findings.get(0).message());
        assertEquals("did you mean db/DiskFull.md?", findings.get(0).hint());
        assertEquals("alert DiskFullSoon: runbook_url https://runbooks.example.org/runbooks/diskfull#fixx is broken:"
                + " db/DiskFull.md has no anchor #fixx", findings.get(1).message());
        assertEquals("did you mean #fix?", findings.get(1).hint());
    }

    @Test
    void fileViewUrlsAreCaseSensitiveAsGitHubIs() {
        Fixture f = AlertFixtures.content(temp);
        AlertFixtures.everyCase(temp);
        List<Finding> findings = f.run(new AlertBrokenRunbookUrlRule(AlertFixtures.settings(temp)));
        // net/linkdown.md is net/LinkDown.md on a case-insensitive disk, but GitHub answers 404.
        Finding net = findings.stream().filter(x -> x.file().endsWith("net.yaml")).findFirst().orElseThrow();
        assertEquals(10, net.line());
        assertEquals("did you mean net/LinkDown.md?", net.hint());
    }
}
