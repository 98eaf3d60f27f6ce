package dev.runbook.load;

import dev.runbook.core.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class ContentCacheTest {

    @TempDir
    Path content;

    private void backDate() throws IOException {
        try (var files = Files.walk(content)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    private LoadedContent load() throws Exception {
        return ContentCache.load(content, ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT);
    }

    @Test
    void theNextGoalGetsTheSameRunbooksWhenNothingChanged() throws Exception {
        Files.writeString(content.resolve("a.md"), "# A\n");
        backDate();
        LoadedContent first = load();
        assertSame(first, load());
    }

    @Test
    void anEditOrANewFileMeansALoad() throws Exception {
        Files.writeString(content.resolve("a.md"), "# A\n");
        backDate();
        LoadedContent first = load();
        Files.writeString(content.resolve("a.md"), "# A, edited\n");
        Files.setLastModifiedTime(content.resolve("a.md"), FileTime.from(Instant.now().minusSeconds(60)));
        LoadedContent edited = load();
        assertNotSame(first, edited);
        assertEquals("A, edited", edited.runbooks().get(0).title());
        Files.writeString(content.resolve("b.md"), "# B\n");
        backDate();
        assertEquals(2, load().runbooks().size());
    }

    @Test
    void aFolderEditedMomentsAgoIsNotKept() throws Exception {
        Files.writeString(content.resolve("a.md"), "# A\n");
        LoadedContent first = load();
        // A same-size rewrite within one tick of the kernel's clock would keep the stamp: never trusted.
        Files.writeString(content.resolve("a.md"), "# B\n");
        LoadedContent second = load();
        assertNotSame(first, second);
        assertEquals("B", second.runbooks().get(0).title());
    }

    @Test
    void theLoaderUsesTheBytesTheDigestKeptAndTheirHash(@TempDir Path cacheDir) throws Exception {
        java.nio.file.Files.writeString(content.resolve("kept.md"), "# As digested\n");
        dev.runbook.core.InputDigest.Tree tree = dev.runbook.core.InputDigest.tree(content.toRealPath(),
                LoadOptions.DEFAULTS::selects, ContentLoader.DEFAULT_MAX_FILE_BYTES);
        // Edited after the digest: the model is made from what the digest read, as the digest describes it.
        java.nio.file.Files.writeString(content.resolve("kept.md"), "# Edited later\n");
        LoadedContent loaded = ContentCache.load(content, LoadOptions.DEFAULTS, ContentLoader.DEFAULT_MAX_FILE_BYTES,
                RunLog.SILENT, tree, Instant.now(),
                new ContentCache.PageCache(cacheDir.resolve("page-models.bin"), "test"));
        assertEquals("As digested", loaded.byRelativePath("kept.md").orElseThrow().title());
        assertEquals(dev.runbook.core.PageCacheFile.sha256("# As digested\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                loaded.inputHash("kept.md"));
    }
}
