package dev.runbook.load;

import dev.runbook.findings.Finding;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Heading;
import dev.runbook.model.Link;
import dev.runbook.model.Runbook;
import dev.runbook.model.RunbookSeverity;
import dev.runbook.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentLoaderTest {

    @TempDir
    Path root;

    private static final String API_DOWN = """
            ---
            title: Backend API not responding
            description: The public API returns 5xx or times out.
            service: payments-api
            owner: team-payments
            severity: SEV2
            tags: [api, database]
            last_reviewed: 2026-10-01
            review_every: 90d
            aliases: [old/api.md]
            ---
            # API down

            See [failover](../database/failover.md#promote-the-replica) and [below](#rollback).
            ![graph](img/latency.png)

            ## Diagnosis {#diag}

            Call {{api}}/health, never {name}.

            ```bash
            kubectl -n payments get pods
            ```

            ```smoke {name="API health" timeout=5s retries=2}
            curl -fsS {{api}}/health
            expect status == 200
            ```

            ## Rollback

            ## Rollback

            <a id="manual-anchor"></a>
            [ref link][dash]

            [dash]: https://grafana.harbor.example/d/api
            """;

    @Test
    void readsFrontMatterIntoTypedFields() throws Exception {
        Runbook runbook = loadSingle("payments/api-down.md", API_DOWN);
        var fm = runbook.frontMatter();
        assertEquals("Backend API not responding", runbook.title());
        assertEquals(List.of("payments-api"), fm.services());
        assertEquals(RunbookSeverity.P2, fm.severity());
        assertEquals(List.of("api", "database"), fm.tags());
        assertEquals(LocalDate.of(2026, 10, 1), fm.lastReviewed());
        assertEquals(Period.ofDays(90), fm.reviewEvery());
        assertEquals(List.of("old/api.md"), fm.aliases());
        assertEquals(new SourcePosition(4, 1), fm.positionOf("service"));
        assertEquals("payments/api-down.html", runbook.pagePath());
    }

    @Test
    void headingsGetGitHubIdsExplicitIdsAndDuplicateSuffixes() throws Exception {
        Runbook runbook = loadSingle("api-down.md", API_DOWN);
        List<String> ids = runbook.headings().stream().map(Heading::id).toList();
        assertEquals(List.of("api-down", "diag", "rollback", "rollback-1"), ids);
        assertEquals("Diagnosis", runbook.headings().get(1).text());
        assertTrue(runbook.headings().get(1).explicitId());
        assertEquals(17, runbook.headings().get(1).position().line());
        assertTrue(runbook.anchors().containsAll(List.of("api-down", "diag", "rollback", "rollback-1", "manual-anchor")));
    }

    @Test
    void bracesInProseAreKeptAsText() throws Exception {
        Runbook runbook = loadSingle("api-down.md", API_DOWN);
        String html = com.vladsch.flexmark.html.HtmlRenderer.builder(MarkdownSupport.OPTIONS).build().render(runbook.document());
        assertTrue(html.contains("{{api}}/health"), html);
        assertTrue(html.contains("{name}"), html);
    }

    @Test
    void linksCarryTheirPositionAndResolvedReferences() throws Exception {
        Runbook runbook = loadSingle("api-down.md", API_DOWN);
        List<Link> links = runbook.links();
        Link failover = links.get(0);
        assertEquals("../database/failover.md#promote-the-replica", failover.destination());
        assertEquals("failover", failover.text());
        assertEquals(new SourcePosition(14, 16), failover.position());
        assertEquals("#rollback", links.get(1).destination());
        assertTrue(links.get(2).image());
        assertTrue(links.stream().anyMatch(l -> l.destination().equals("https://grafana.harbor.example/d/api") && l.isExternal()));
    }

    @Test
    void codeBlocksKnowTheirLanguageAttributesAndFileLines() throws Exception {
        Runbook runbook = loadSingle("api-down.md", API_DOWN);
        List<CodeBlock> blocks = runbook.codeBlocks();
        assertEquals(2, blocks.size());
        assertEquals("bash", blocks.get(0).language());
        assertEquals(22, blocks.get(0).bodyStartLine());
        CodeBlock smoke = runbook.smokeBlocks().get(0);
        assertEquals("API health", smoke.attributes().get("name"));
        assertEquals("5s", smoke.attributes().get("timeout"));
        assertEquals("2", smoke.attributes().get("retries"));
        assertEquals(List.of("curl -fsS {{api}}/health", "expect status == 200"), smoke.lines());
        assertEquals(27, smoke.fileLine(1));
    }

    @Test
    void withoutFrontMatterTheTitleComesFromTheFirstH1ThenTheFileName() throws Exception {
        write("a/with-heading.md", "Intro text\n\n# Real Title\n");
        write("a/restart-the-queue.md", "No heading here.\n");
        LoadedContent content = new ContentLoader().load(root);
        assertEquals("Real Title", content.byRelativePath("a/with-heading.md").orElseThrow().title());
        assertEquals("Restart the queue", content.byRelativePath("a/restart-the-queue.md").orElseThrow().title());
        assertTrue(content.findings().isEmpty(), content.findings().toString());
    }

    @Test
    void brokenYamlIsAFindingAtTheLineAndTheOtherFilesStillLoad() throws Exception {
        write("good.md", "---\ntitle: Good\n---\n# Good\n");
        write("bad.md", "---\ntitle: Bad\ntags: [api, db\nowner: x\n---\n# Bad\n\nBody text.\n");
        LoadedContent content = new ContentLoader().load(root);
        assertEquals(2, content.runbooks().size());
        Finding finding = content.findings().get(0);
        assertEquals("frontmatter.schema", finding.ruleId());
        assertEquals("bad.md", finding.file());
        assertTrue(finding.line() >= 3 && finding.line() <= 5, finding.toConsoleLine());
        assertTrue(finding.message().startsWith("front-matter is not valid YAML"), finding.message());
        Runbook bad = content.byRelativePath("bad.md").orElseThrow();
        assertEquals("Bad", bad.title());
        assertEquals(6, bad.headings().get(0).position().line());
    }

    @Test
    void wrongTypesAndUnknownKeysAreReportedWithSuggestions() throws Exception {
        write("x.md", "---\ntitle: [not, text]\nseverity: urgent\nlast_reviewed: last week\nreview_every: often\nowners: team-a\n---\n");
        List<Finding> findings = new ContentLoader().load(root).findings();
        assertEquals(List.of("2:frontmatter.schema", "3:frontmatter.schema", "4:frontmatter.schema", "5:frontmatter.schema",
                        "6:frontmatter.unknown-key"),
                findings.stream().map(f -> f.line() + ":" + f.ruleId()).toList());
        assertTrue(findings.get(4).message().contains("did you mean 'owner'"), findings.get(4).message());
    }

    @Test
    void anUnclosedFrontMatterIsReportedAndTheFileIsStillMarkdown() throws Exception {
        write("x.md", "---\ntitle: Never closed\n\n# Heading\n");
        LoadedContent content = new ContentLoader().load(root);
        assertEquals("frontmatter.schema", content.findings().get(0).ruleId());
        assertEquals(1, content.runbooks().size());
    }

    @Test
    void yamlAliasBombsDoNotExpand() throws Exception {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        yaml.append("---\n# Bomb\n");
        write("bomb.md", yaml.toString());
        // The streaming parser hands aliases over unexpanded: nine levels of nine would be 387 million items.
        LoadedContent content = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> new ContentLoader().load(root));
        assertEquals("Bomb", content.runbooks().get(0).title());
        assertTrue(content.findings().stream().allMatch(f -> f.ruleId().equals("frontmatter.unknown-key")), content.findings().toString());
    }

    @Test
    void invalidUtf8AndBomAreRecordedNotFatal() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'T', '\n', 'a', (byte) 0xC3, '(', '\n'};
        Files.write(root.resolve("enc.md"), bytes);
        Runbook runbook = new ContentLoader().load(root).runbooks().get(0);
        assertTrue(runbook.source().hasByteOrderMark());
        assertFalse(runbook.source().validUtf8());
        assertEquals(new SourcePosition(2, 2), runbook.source().firstInvalidByte());
        assertEquals("T", runbook.title());
    }

    @Test
    void aPageThatReallyHoldsTheReplacementCharacterIsValidUtf8AndAnEncodedSurrogateIsNot() throws Exception {
        // The decoder's fast path trusts a result without U+FFFD; these two pages hold one each way.
        write("replacement.md", "# T\r\n\r\nthe char \uFFFD is fine\n");
        Files.write(root.resolve("surrogate.md"), new byte[] {'#', ' ', 'S', '\n', '\n', 'x', (byte) 0xED, (byte) 0xA0,
                (byte) 0x80, 'y', '\n'});
        List<Runbook> runbooks = new ContentLoader().load(root).runbooks();
        Runbook replacement = runbooks.get(0);
        assertTrue(replacement.source().validUtf8());
        assertEquals("# T\r\n\r\nthe char \uFFFD is fine\n", replacement.source().text());
        assertEquals(2, replacement.source().crlfLineEndings());
        assertEquals(1, replacement.source().lfLineEndings());
        assertEquals(new SourcePosition(3, 10), replacement.source().positionOf(replacement.source().text().indexOf('\uFFFD')));
        Runbook surrogate = runbooks.get(1);
        assertFalse(surrogate.source().validUtf8(), "UTF-8 of a surrogate (CESU) is not valid UTF-8");
        assertEquals(new SourcePosition(3, 2), surrogate.source().firstInvalidByte());
    }

    @Test
    void binaryFilesAndSymlinksOutsideTheRootAreFindingsNotReads() throws Exception {
        Files.write(root.resolve("binary.md"), new byte[] {'a', 0, 'b'});
        Path outside = Files.createTempFile("outside", ".md");
        Files.writeString(outside, "# secret\n");
        Files.createSymbolicLink(root.resolve("link.md"), outside);
        write("ok.md", "# OK\n");
        LoadedContent content = new ContentLoader().load(root);
        assertEquals(List.of("ok.md"), content.runbooks().stream().map(Runbook::relativePath).toList());
        assertEquals(List.of("binary.md", "link.md"), content.findings().stream().map(Finding::file).toList());
        assertTrue(content.findings().stream().allMatch(f -> f.ruleId().equals(ContentLoader.RULE_UNREADABLE)));
    }

    @Test
    void aLinkedFolderOutsideTheRootIsAWarningNotASilentGap(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("hidden.md"), "# TODO: never validated\n");
        Files.createSymbolicLink(root.resolve("shared"), elsewhere);
        write("inner/page.md", "# Inner\n");
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("inner"));
        write("ok.md", "# OK\n");
        LoadedContent content = new ContentLoader().load(root);
        assertEquals(List.of("inner/page.md", "ok.md"), content.runbooks().stream().map(Runbook::relativePath).toList(),
                "a linked folder inside the root is read once, at its real path");
        assertEquals(List.of("shared"), content.findings().stream().map(Finding::file).toList());
        assertTrue(content.findings().get(0).message().contains("no runbook in it was read"), content.findings().toString());
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAndSaysItIsNotUtf8() throws Exception {
        String text = "---\ntitle: Caf\u00e9 failover\n---\n# Heading \u2603\n\nBody.\n";
        byte[] le = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] be = text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        Files.write(root.resolve("le.md"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le));
        Files.write(root.resolve("be.md"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be));
        Files.write(root.resolve("utf8bom.md"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8)));
        LoadedContent content = new ContentLoader().load(root);
        assertEquals(List.of(), content.findings(), "none is dropped as binary");
        assertEquals(3, content.runbooks().size());
        for (Runbook runbook : content.runbooks()) {
            assertEquals("Caf\u00e9 failover", runbook.title(), runbook.relativePath());
            assertEquals(4, runbook.headings().get(0).position().line());
            assertEquals("Heading \u2603", runbook.headings().get(0).text());
        }
        assertEquals(List.of("UTF-16BE", "UTF-16LE", "UTF-8"), content.runbooks().stream().map(r -> r.source().encoding()).toList());
        assertEquals(List.of(false, false, true), content.runbooks().stream().map(r -> r.source().hasByteOrderMark()).toList());
        List<Finding> encoding = new java.util.ArrayList<>();
        for (Runbook runbook : content.runbooks()) {
            new dev.runbook.validate.encoding.EncodingInvalidRule().check(runbook, null, encoding::add);
        }
        assertEquals(3, encoding.size(), encoding.toString());
        assertTrue(encoding.get(0).message().contains("saved as UTF-16BE") && encoding.get(0).hint().contains("iconv -f UTF-16 -t UTF-8"),
                encoding.toString());
        assertTrue(encoding.get(2).message().contains("UTF-8 byte-order mark"), "a UTF-8 BOM stays an encoding.invalid finding");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void crlfFilesKeepCorrectLineNumbers() throws Exception {
        write("crlf.md", "---\r\ntitle: T\r\n---\r\n# H\r\n\r\n```sh\r\necho hi\r\n```\r\n");
        Runbook runbook = new ContentLoader().load(root).runbooks().get(0);
        assertEquals(4, runbook.headings().get(0).position().line());
        assertEquals(7, runbook.codeBlocks().get(0).bodyStartLine());
        assertEquals("echo hi", runbook.codeBlocks().get(0).lines().get(0));
    }

    private Runbook loadSingle(String relative, String text) throws Exception {
        write(relative, text);
        LoadedContent content = new ContentLoader().load(root);
        assertTrue(content.findings().isEmpty(), content.findings().toString());
        return content.runbooks().get(0);
    }

    private void write(String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
