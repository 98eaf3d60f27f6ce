package dev.runbook.hostile;

import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files handed to the loader: each gives a finding or a clean result, never an exception, in
 * bounded time, and never stops the other files from loading. The corpus is generated here, not committed.
 */
class HostileLoaderTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void deeplyNestedListsAndQuotesDoNotCrashTheLoader() throws Exception {
        write("quotes.md", "> ".repeat(10_000) + "deep\n");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        write("lists.md", list.toString());
        write("ok.md", "# Still here\n");
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(root));
        assertTrue(content.byRelativePath("ok.md").isPresent());
        for (String name : List.of("quotes.md", "lists.md")) {
            boolean loaded = content.byRelativePath(name).isPresent();
            boolean reported = content.findings().stream().anyMatch(f -> f.file().equals(name));
            assertTrue(loaded || reported, name + " neither loaded nor reported");
        }
    }

    @Test
    void aHugeCodeBlockIsParsedWithCorrectLineNumbers() throws Exception {
        StringBuilder text = new StringBuilder("# Big\n\n```bash\n");
        for (int i = 0; i < 200_000; i++) {
            text.append("echo ").append(i).append('\n');
        }
        text.append("```\n\n## After\n");
        write("big-code.md", text.toString());
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(root));
        Runbook runbook = content.runbooks().get(0);
        assertEquals(200_000, runbook.codeBlocks().get(0).lines().size());
        assertEquals(200_006, runbook.headings().get(1).position().line());
    }

    @Test
    void aPageOverTheSizeLimitIsReportedNotRead() throws Exception {
        write("huge.md", "a".repeat(10 * 1024 * 1024));
        write("ok.md", "# OK\n");
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(root));
        assertEquals(List.of("ok.md"), content.runbooks().stream().map(Runbook::relativePath).toList());
        Finding finding = content.findings().get(0);
        assertEquals("huge.md", finding.file());
        assertTrue(finding.message().contains("10.0 MiB"), finding.message());
    }

    @Test
    void yamlTagsInFrontMatterInstantiateNothing() throws Exception {
        write("tags.md", "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"
                + "owner: !!python/object/apply:os.system [\"id\"]\n---\n# Tagged\n");
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(root));
        Runbook runbook = content.runbooks().get(0);
        assertEquals("Tagged", runbook.title(), "a title that is not plain text falls back to the H1");
        assertTrue(content.findings().stream().anyMatch(f -> f.ruleId().equals("frontmatter.schema") && f.line() == 2),
                content.findings().toString());
    }

    @Test
    void aOneMegabyteFrontMatterStringIsReadOrReported() throws Exception {
        write("long.md", "---\ndescription: \"" + "x".repeat(1024 * 1024) + "\"\n---\n# Long\n");
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(root));
        Runbook runbook = content.runbooks().get(0);
        assertEquals("Long", runbook.title());
        assertEquals(1024 * 1024, runbook.frontMatter().description().length());
    }

    @Test
    void oddFileNamesLoadWithTheirNamesIntact() throws Exception {
        List<String> names = List.of("with space.md", "unicodé-ñ.md", "<script>alert(1)<script>.md", "quote'\"&.md");
        for (String name : names) {
            write("odd/" + name, "# " + name + "\n");
        }
        LoadedContent content = new ContentLoader().load(root);
        assertEquals(names.stream().map(n -> "odd/" + n).sorted().toList(),
                content.runbooks().stream().map(Runbook::relativePath).sorted().toList());
    }

    @Test
    void invalidUtf8EverywhereStillLoads() throws Exception {
        byte[] garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x80 + (i * 37) % 0x7F);
        }
        Files.write(root.resolve("garbage.md"), garbage);
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(root));
        Runbook runbook = content.runbooks().get(0);
        assertTrue(!runbook.source().validUtf8());
        assertEquals(1, runbook.source().firstInvalidByte().line());
    }

    private void write(String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
