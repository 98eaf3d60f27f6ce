package dev.runbook.validate.frontmatter;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoaderFindingRulesTest {

    @TempDir
    Path temp;

    @Test
    void eachRulePassesOnItsOwnLoaderFindings() throws Exception {
        Fixture f = new Fixture(temp)
                .file("bad-date.md", "---\ntitle: X\nlast_reviewed: yesterday\nownr: me\n---\n# X\n")
                .file("good.md", "---\ntitle: Good\n---\n# Good\n");
        Files.write(f.root().resolve("binary.md"), new byte[] {'#', 0, 1, 2});

        List<Finding> schema = f.run(new FrontMatterSchemaRule());
        assertEquals(1, schema.size(), schema.toString());
        assertEquals("bad-date.md", schema.get(0).file());
        assertEquals(3, schema.get(0).line());
        assertEquals(Severity.ERROR, schema.get(0).severity());

        List<Finding> unknown = f.run(new FrontMatterUnknownKeyRule());
        assertEquals(1, unknown.size());
        assertEquals("frontmatter.unknown-key", unknown.get(0).ruleId());
        assertEquals(4, unknown.get(0).line());

        List<Finding> unreadable = f.run(new UnreadableFileRule());
        assertEquals(1, unreadable.size());
        assertEquals("binary.md", unreadable.get(0).file());

        assertEquals(List.of(), new Fixture(temp.resolve("clean")).file("a.md", "# A\n").run(
                new FrontMatterSchemaRule(), new FrontMatterUnknownKeyRule(), new UnreadableFileRule()));
    }

    @Test
    void allowedKeysAreNotReportedAsUnknown() {
        Fixture f = new Fixture(temp).file("a.md", "---\ntitle: A\nweight: 20\nbookCollapseSection: true\nownr: me\n---\n# A\n");
        List<Finding> findings = f.run(new FrontMatterUnknownKeyRule(java.util.Set.of("weight", "bookCollapseSection")));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(5, findings.get(0).line());
        assertEquals(3, f.run(new FrontMatterUnknownKeyRule()).size());
    }
}
