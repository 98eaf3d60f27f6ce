package dev.runbook.validate.links;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileLinkRuleTest {

    @TempDir
    Path temp;

    @Test
    void existingFilesImagesAndFoldersPass() {
        Fixture f = new Fixture(temp)
                .file("a/page.md", "# Page\n\n[b](../b.md) [b2](/b.md) ![img](img/x.png) [dir](../a/) [q](../b.md?x=1#top)\n"
                        + "[web](https://example.com/x) [mail](mailto:x@y.z) [same](#page)\n")
                .file("b.md", "# B\n")
                .file("a/img/x.png", "png");
        assertEquals(List.of(), f.run(new FileLinkRule()));
    }

    @Test
    void missingFileIsAnErrorAtTheLinkWithASuggestion() {
        Fixture f = new Fixture(temp)
                .file("a/page.md", "# Page\n\nSee [db](../database/failovr.md#promote).\n")
                .file("database/failover.md", "# Failover\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("link.file", finding.ruleId());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("a/page.md", finding.file());
        assertEquals(3, finding.line());
        assertEquals(10, finding.column());
        assertTrue(finding.message().contains("database/failovr.md, which does not exist"), finding.message());
        assertEquals("did you mean ../database/failover.md?", finding.hint());
    }

    @Test
    void percentEncodedPathsAreDecoded() {
        Fixture f = new Fixture(temp)
                .file("page.md", "[x](my%20notes.md) [y](missing%20file.md)\n")
                .file("my notes.md", "# Notes\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("missing file.md"), findings.get(0).message());
    }

    @Test
    void pathsOutsideTheContentRootAreReportedAndNeverRead() throws Exception {
        Files.writeString(temp.resolve("secret.md"), "# outside\n");
        Fixture f = new Fixture(temp).file("page.md", "[up](../secret.md) [deep](a/../../secret.md) ![abs](/../secret.md)\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(x -> x.message().contains("leads outside the content folder")), findings.toString());
    }

    @Test
    void aSymlinkThatLeadsOutIsOutside() throws Exception {
        Files.writeString(temp.resolve("secret.txt"), "outside");
        Fixture f = new Fixture(temp).file("page.md", "[s](link.txt)\n");
        Files.createSymbolicLink(f.root().resolve("link.txt"), temp.resolve("secret.txt"));
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("outside"), findings.get(0).message());
    }

    @Test
    void hugoRefShortcodesAreResolvedRelativeToThePage() {
        Fixture f = new Fixture(temp)
                .file("node/A.md", "See [B]({{< ref \"./B.md\" >}}) and [C]({{< relref \"./Missing.md\" >}}).\n\n"
                        + "```\n{{< ref \"./AlsoMissing.md\" >}}\n```\n")
                .file("node/B.md", "# B\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("./Missing.md"));
        assertEquals(1, findings.get(0).line());
        assertEquals(51, findings.get(0).column());
    }

    @Test
    void siteStyleLinksWithoutExtensionOrWithHtmlFindTheMarkdownPage() {
        Fixture f = new Fixture(temp)
                .file("_index.md", "[add](/docs/add-runbook) [sec](docs/section) [html](docs/add-runbook.html) [gone](/docs/nope)\n")
                .file("docs/add-runbook.md", "# Add\n")
                .file("docs/section/_index.md", "# Section\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().startsWith("link '/docs/nope'"), findings.get(0).message());
    }

    @Test
    void aMissingImageIsNeverOfferedAPageAsSuggestion() {
        Fixture f = new Fixture(temp).file("KubeAPIDown.md", "![x](img/kubeapidown.png)\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(1, findings.size());
        assertEquals("fix the path (it is relative to this page) or add the file", findings.get(0).hint());
    }

    /** Issue #20: a /x.md link whose file sits beside the page says so, instead of a far-away "did you mean". */
    @Test
    void aRootLinkToAFileBesideThePageSaysDropTheSlash() {
        Fixture f = new Fixture(temp)
                .file("ops/db/page.md", "# Page\n\nSee [failover](/failover.md) and [other](/nowhere-at-all.md).\n")
                .file("ops/db/failover.md", "# Failover\n")
                .file("archive/failover.md", "# Old failover\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(2, findings.size());
        assertEquals("did you mean failover.md (beside this page)? A leading / is read from the content folder's root; drop it",
                findings.get(0).hint(), "beside the page first, not archive/failover.md");
        assertEquals("fix the path (a leading / means the content folder's root) or add the file", findings.get(1).hint());
    }

    @Test
    void didYouMeanOnlyWhenTheCandidateIsClose() {
        Fixture f = new Fixture(temp)
                .file("page.md", "[a](restart-ap.md) [b](x.md) [c](cache.md)\n")
                .file("restart-api.md", "# R\n")
                .file("runbooks/x.md", "# X\n")
                .file("queue.md", "# Q\n");
        List<Finding> findings = f.run(new FileLinkRule());
        assertEquals(List.of("did you mean restart-api.md?", "fix the path (it is relative to this page) or add the file",
                "fix the path (it is relative to this page) or add the file"),
                findings.stream().map(Finding::hint).sorted().toList().stream().sorted((x, y) -> x.startsWith("did") ? -1 : y.startsWith("did") ? 1 : 0).toList());
    }
}
