package dev.runbook.validate.links;

import dev.runbook.findings.Finding;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnchorLinkRuleTest {

    @TempDir
    Path temp;

    @Test
    void validSamePageCrossPageDuplicateExplicitAndHtmlAnchorsPass() {
        Fixture f = new Fixture(temp)
                .file("a.md", """
                        # Restart the API

                        ## Steps
                        ## Steps
                        ## Diagnosis {#diag}
                        <a id="legacy"></a>
                        ## Ünïcode & Co.

                        [1](#restart-the-api) [2](#steps-1) [3](#diag) [4](#legacy) [5](b.md#fail-over)
                        [6](#ünïcode--co) [7](#%C3%BCn%C3%AFcode--co) [8](#top) [9](#) [10](b.md)
                        """)
                .file("b.md", "# Fail over\n");
        assertEquals(List.of(), f.run(new AnchorLinkRule()));
    }

    @Test
    void missingSamePageAnchorSuggestsTheClosest() {
        Fixture f = new Fixture(temp).file("a.md", "# Rollback steps\n\nGo to [rollback](#rollback-step).\n");
        List<Finding> findings = f.run(new AnchorLinkRule());
        assertEquals(1, findings.size());
        Finding x = findings.get(0);
        assertEquals("link.anchor", x.ruleId());
        assertEquals(3, x.line());
        assertEquals("link '#rollback-step': this page has no anchor #rollback-step", x.message());
        assertEquals("did you mean #rollback-steps?", x.hint());
    }

    @Test
    void crossPageAnchorIsCheckedAgainstTheOtherPage() {
        Fixture f = new Fixture(temp)
                .file("ops/a.md", "See [promote](../db/failover.md#Promote-The-Replica) and [gone](../db/missing.md#x).\n")
                .file("db/failover.md", "# Failover\n\n## Promote the replica\n");
        List<Finding> findings = f.run(new AnchorLinkRule());
        assertEquals(1, findings.size(), "a missing page is link.file's business: " + findings);
        assertTrue(findings.get(0).message().contains("db/failover.md has no anchor #Promote-The-Replica"));
        assertEquals("ids are lower-case: write #promote-the-replica", findings.get(0).hint());
    }

    @Test
    void hugoRefWithAFragmentIsChecked() {
        Fixture f = new Fixture(temp)
                .file("a.md", "[b]({{< ref \"b.md#nope\" >}})\n")
                .file("b.md", "# B\n## Yes\n");
        List<Finding> findings = f.run(new AnchorLinkRule());
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("#nope"));
    }

    @Test
    void anchorsOnExtensionlessSiteLinksAreChecked() {
        Fixture f = new Fixture(temp)
                .file("a.md", "[ok](/docs/add#steps) [bad](/docs/add#stepz)\n")
                .file("docs/add.md", "# Add\n## Steps\n");
        List<Finding> findings = f.run(new AnchorLinkRule());
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("docs/add.md has no anchor #stepz"), findings.get(0).message());
    }
}
