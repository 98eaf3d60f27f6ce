package dev.runbook.load;

import com.vladsch.flexmark.util.ast.Node;
import dev.runbook.core.LinesLog;
import dev.runbook.model.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model read from the page cache equals the one parsing made, field by field, AST included. */
class PageModelCacheTest {

    @TempDir
    Path dir;

    private LoadedContent load(Path cache, String version) throws Exception {
        List<String> lines = new ArrayList<>();
        return new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, new LinesLog(lines), LoadOptions.DEFAULTS,
                PageModelCache.open(cache, version, LoadOptions.DEFAULTS, new LinesLog(lines))).load(dir.resolve("content"));
    }

    private void write(String path, byte[] bytes) throws Exception {
        Path file = dir.resolve("content").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static String tree(Node node) {
        StringBuilder out = new StringBuilder();
        dump(node, 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append(" ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }

    @Test
    void everyFieldSurvivesTheCache() throws Exception {
        write("a.md", ("---\ntitle: Restart \"the\" API\ndescription: When it hangs\nservices: [payments, api]\nowner: team-a\n"
                + "severity: P2\ntags: [api]\nlast_reviewed: 2026-01-31\nreview_every: 3 months\naliases: [old/a.html]\n"
                + "draft: false\nalerts: [ApiDown]\nunknown_key: 1\n---\n# Title {#custom}\n\n## Steps é ✓\n\n"
                + "<a id=\"raw\"></a>\n\n[ref]: https://example.com/x \"T\"\n[ref]: https://example.com/dup\n[unused]: x.md\n\n"
                + "See [x][ref], [missing][nope], ![img](img.png), <https://auto.example>, [b](sub/b.md#top).\n\n"
                + "```bash {smoke=true timeout=5s}\nkubectl get pods\n```\n\n    indented code\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
                .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "# Sub\n\ntext \u00e9 and a bad byte: ".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[bom.length + body.length + 2];
        System.arraycopy(bom, 0, b, 0, bom.length);
        System.arraycopy(body, 0, b, bom.length, body.length);
        b[b.length - 2] = (byte) 0xC3;
        b[b.length - 1] = '\n';
        write("sub/b.md", b);
        write("broken.md", "---\ntitle: [unclosed\n---\n# Broken\n".getBytes(StandardCharsets.UTF_8));

        Path cache = dir.resolve("target/page-models.bin");
        LoadedContent fresh = load(cache, "1");
        assertTrue(Files.isRegularFile(cache));
        LoadedContent cached = load(cache, "1");

        assertEquals(fresh.findings(), cached.findings());
        assertFalse(fresh.findings().isEmpty());
        assertEquals(fresh.runbooks().size(), cached.runbooks().size());
        for (int i = 0; i < fresh.runbooks().size(); i++) {
            Runbook f = fresh.runbooks().get(i);
            Runbook c = cached.runbooks().get(i);
            assertFalse(c.parsed().inMemory(), "a cached page's AST is not parsed until asked for");
            assertEquals(f.relativePath(), c.relativePath());
            assertEquals(f.sourceFile(), c.sourceFile());
            assertEquals(f.pagePath(), c.pagePath());
            assertEquals(f.source().text(), c.source().text());
            assertEquals(f.frontMatter(), c.frontMatter());
            assertEquals(f.title(), c.title());
            assertEquals(f.headings(), c.headings());
            assertEquals(f.anchors(), c.anchors());
            assertEquals(f.links(), c.links());
            assertEquals(f.codeBlocks(), c.codeBlocks());
            assertEquals(f.references(), c.references());
            assertEquals(tree(f.document()), tree(c.document()));
            assertEquals(f.document().getChars().toString(), c.document().getChars().toString());
        }
    }

    @Test
    void anotherVersionOrADamagedFileParsesAgain() throws Exception {
        write("a.md", "# A\n\n[b](b.md)\n".getBytes(StandardCharsets.UTF_8));
        Path cache = dir.resolve("target/page-models.bin");
        load(cache, "1");
        PageModelCache other = PageModelCache.open(cache, "2", LoadOptions.DEFAULTS, new LinesLog(new ArrayList<>()));
        new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, new LinesLog(new ArrayList<>()), LoadOptions.DEFAULTS, other)
                .load(dir.resolve("content"));
        assertEquals(0, other.hits());
        assertEquals(1, other.misses());

        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length - 20] ^= 1;
        Files.write(cache, bytes);
        PageModelCache damaged = PageModelCache.open(cache, "2", LoadOptions.DEFAULTS, new LinesLog(new ArrayList<>()));
        new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, new LinesLog(new ArrayList<>()), LoadOptions.DEFAULTS, damaged)
                .load(dir.resolve("content"));
        assertEquals(0, damaged.hits());

        PageModelCache again = PageModelCache.open(cache, "2", LoadOptions.DEFAULTS, new LinesLog(new ArrayList<>()));
        new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, new LinesLog(new ArrayList<>()), LoadOptions.DEFAULTS, again)
                .load(dir.resolve("content"));
        assertEquals(1, again.hits(), "the damaged file was replaced by a good one");
    }
}
