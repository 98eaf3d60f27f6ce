package dev.runbook.site;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages show the last validation's findings for their own file, escaped, and re-render when they change. */
class FindingsPanelTest {

    @TempDir
    Path dir;

    @Test
    void aPageShowsItsOwnFindingsWorstFirstAsText() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("ops/restart.md", "# Restart\n\nTODO write this\n").write("ops/other.md", "# Other\n");
        site.findings = List.of(
                new Finding("command.prompt", Severity.WARNING, "ops/restart.md", 9, 1, "prompt in a bash fence", null),
                new Finding("placeholder.todo", Severity.ERROR, "ops/restart.md", 3, 1, "TODO <script>alert(1)</script> left", "finish the step"));
        site.build();
        String page = site.page("ops/restart.html");
        assertTrue(page.contains("2 validation findings (1 error, 1 warning)"), page);
        assertTrue(page.indexOf("placeholder.todo") < page.indexOf("command.prompt"), "errors come first");
        assertTrue(page.contains("TODO &lt;script&gt;alert(1)&lt;/script&gt; left"), "messages are escaped");
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains("Fix: finish the step"));
        assertFalse(site.page("ops/other.html").contains("findings-panel"), "a page without findings shows no panel");
    }

    /** A page's hash covers every field of its findings: changing any one renders that page again. */
    @Test
    void aChangeInAnyFieldOfAFindingReRendersItsPage() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("a.md", "# A\n").write("b.md", "# B\n");
        Finding base = new Finding("link.file", Severity.ERROR, "b.md", 3, 5, "missing file", "add it");
        List<Finding> variants = List.of(base,
                new Finding("link.anchor", Severity.ERROR, "b.md", 3, 5, "missing file", "add it"),
                new Finding("link.anchor", Severity.WARNING, "b.md", 3, 5, "missing file", "add it"),
                new Finding("link.anchor", Severity.WARNING, "b.md", 4, 5, "missing file", "add it"),
                new Finding("link.anchor", Severity.WARNING, "b.md", 4, 6, "missing file", "add it"),
                new Finding("link.anchor", Severity.WARNING, "b.md", 4, 6, "missing files", "add it"),
                new Finding("link.anchor", Severity.WARNING, "b.md", 4, 6, "missing files", "add them"),
                new Finding("link.anchor", Severity.WARNING, "b.md", 4, 6, "missing files", null),
                new Finding("link.anchor", Severity.WARNING, "b.md", 4, 6, "missing files", ""));
        site.findings = List.of(variants.get(0));
        site.build();
        for (Finding variant : variants.subList(1, variants.size())) {
            site.findings = List.of(variant);
            SiteResult result = site.build();
            assertEquals(1, result.rendered(), "changed to " + variant);
        }
        site.findings = List.of(variants.get(variants.size() - 1), base);
        assertEquals(1, site.build().rendered(), "a second finding");
        assertEquals(0, site.build().rendered(), "the same findings again");
        assertEquals(List.of("ruleId", "severity", "file", "line", "column", "message", "hint"),
                java.util.Arrays.stream(Finding.class.getRecordComponents()).map(c -> c.getName()).toList(),
                "Finding changed: add the new component to SiteBuilder.findingsKey and to this test");
    }

    @Test
    void newFindingsReRenderOnlyTheirPage() throws Exception {
        SiteFixture site = new SiteFixture(dir).write("a.md", "# A\n").write("b.md", "# B\n");
        site.build();
        site.findings = List.of(new Finding("link.file", Severity.ERROR, "b.md", 1, 1, "missing file", null));
        SiteResult result = site.build();
        assertEquals(1, result.rendered());
        assertTrue(site.page("b.html").contains("1 validation finding (1 error)"));
    }
}
