package dev.runbook.validate.structure;

import dev.runbook.findings.Finding;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateIdRuleTest {

    @TempDir
    Path temp;

    @Test
    void repeatedGeneratedSlugsAreFine() {
        Fixture f = new Fixture(temp).file("a.md", "# A\n## Steps\n## Steps\n## Check {#check}\n");
        assertEquals(List.of(), f.run(new DuplicateIdRule()));
    }

    @Test
    void repeatedExplicitIdIsReportedAtTheSecond() {
        Fixture f = new Fixture(temp).file("a.md", "# A\n## One {#x}\n\n## Two {#x}\n");
        List<Finding> findings = f.run(new DuplicateIdRule());
        assertEquals(1, findings.size());
        assertEquals(4, findings.get(0).line());
        assertEquals("explicit id {#x} is already used by the heading on line 2", findings.get(0).message());
    }

    @Test
    void explicitIdTakingAnotherHeadingsSlugIsReported() {
        Fixture f = new Fixture(temp).file("a.md", "# A\n## Start here {#rollback}\n## Rollback\n");
        List<Finding> findings = f.run(new DuplicateIdRule());
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(0).line());
        assertTrue(findings.get(0).message().contains("this one becomes #rollback-1"), findings.get(0).message());
    }
}
