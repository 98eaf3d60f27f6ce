package dev.runbook.hostile;

import dev.runbook.testing.FileTree;
import dev.runbook.core.LinesLog;
import dev.runbook.core.OutputLayout;
import dev.runbook.load.LoadOptions;
import dev.runbook.site.SiteRun;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index of a site big enough to be split into shards, patched by incremental builds (the page cache
 * holds each page's term counts; the writer keeps every shard whose bytes do not change): after an edit, a new
 * page, a deleted page, a rename, a damaged search cache, another plugin version or other front-matter
 * aliases, the whole site equals, byte for byte, that of a clean build of the same content, and an edit
 * rewrites a few of the index's files.
 */
class SplitIndexEquivalenceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final int PAGES = 260;

    @TempDir
    Path dir;
    Path content;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void write() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Random random = new Random(11);
        String[] syllables = {"ka", "lo", "mi", "ne", "tu", "ra", "vo", "zi", "bu", "de", "gu", "ho"};
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                w.append(syllables[random.nextInt(syllables.length)]);
            }
            words.add(w.toString());
        }
        for (int p = 0; p < PAGES; p++) {
            StringBuilder page = new StringBuilder("---\ntitle: Page " + words.get(p) + "\nservices: [svc" + p % 5
                    + "]\ntags: [t" + p % 7 + "]\nseverity: P" + p % 4 + "\n---\n# Page " + words.get(p) + "\n\n");
            for (int s = 0; s < 4; s++) {
                page.append("## Step ").append(words.get(p * 4 + s)).append("\n\n");
                for (int w = 0; w < 70; w++) {
                    page.append(words.get((int) (Math.pow(random.nextDouble(), 3) * words.size()))).append(w % 10 == 9 ? ".\n" : " ");
                }
                page.append("\n\n");
            }
            write(String.format("area%d/page-%03d.md", p % 3, p), page.toString());
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<String> build(String version, LoadOptions load) throws Exception {
        lines.clear();
        new SiteRun(new LinesLog(lines)).run(SiteRun.Options.walking(content, new OutputLayout(dir.resolve("target")),
                dir.resolve("target/site"), null, "Runbooks", null, false, TODAY,
                StatusSource.reviewOnly(new ReviewSchedule(null), TODAY), version, Map.of(), null).withLoad(load));
        return new ArrayList<>(lines);
    }

    private List<String> build() throws Exception {
        return build("test", LoadOptions.DEFAULTS);
    }

    private Map<String, byte[]> site() throws IOException {
        return FileTree.bytes(dir.resolve("target/site"));
    }

    private void assertSameAsClean(String version, LoadOptions load) throws Exception {
        Map<String, byte[]> patched = site();
        assertTrue(patched.keySet().stream().filter(f -> f.startsWith("search/p/")).count() > 3, "the index is split");
        Path keep = dir.resolve("kept-target");
        Files.move(dir.resolve("target"), keep);
        Map<String, byte[]> clean;
        try {
            build(version, load);
            clean = site();
        } finally {
            dev.runbook.core.AtomicFiles.deleteRecursively(dir.resolve("target"));
            Files.move(keep, dir.resolve("target"));
        }
        assertEquals(clean.keySet(), patched.keySet());
        for (String file : clean.keySet()) {
            assertArrayEquals(clean.get(file), patched.get(file), file + " differs from a clean build's");
        }
    }

    private void assertSameAsClean() throws Exception {
        assertSameAsClean("test", LoadOptions.DEFAULTS);
    }

    private static final Pattern WRITTEN = Pattern.compile("DEBUG runbook: site: search index: (\\d+) of (\\d+) files written.*");

    /** {rewritten, total} from the build's debug line. */
    private static int[] written(List<String> debug) {
        for (String line : debug) {
            Matcher m = WRITTEN.matcher(line);
            if (m.matches()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        }
        throw new AssertionError("no index line in " + debug);
    }

    private static boolean readFrom(List<String> debug, int pages) {
        return debug.contains("DEBUG runbook: site: search text read from " + pages + " of " + PAGES + " pages");
    }

    @Test
    void anEditTokenizesOnePageAndRewritesAFewIndexFiles() throws Exception {
        build();
        Files.writeString(content.resolve("area1/page-130.md"), "\nAn added line about quokkas.\n", StandardOpenOption.APPEND);
        List<String> debug = build();
        assertTrue(readFrom(debug, 1), debug.toString());
        int[] written = written(debug);
        assertTrue(written[0] > 0 && written[0] < written[1] / 4, written[0] + " of " + written[1]);
        assertSameAsClean();
    }

    @Test
    void aNewPage() throws Exception {
        build();
        write("area1/page-130-b.md", "# Quokka care\n\nFeed the quokkas. Restart the zoo.\n");
        build();
        assertSameAsClean();
    }

    @Test
    void aDeletedPage() throws Exception {
        build();
        Files.delete(content.resolve("area0/page-000.md"));
        build();
        assertSameAsClean();
    }

    @Test
    void aRenamedPage() throws Exception {
        build();
        Files.move(content.resolve("area2/page-002.md"), content.resolve("area2/zz-renamed.md"));
        build();
        assertSameAsClean();
    }

    @Test
    void aPageRewrittenWithOtherWords() throws Exception {
        build();
        write("area0/page-099.md", "# Aardvark abacus\n\n## Zymurgy\n\nQuartz zebra quokka.\n");
        build();
        assertSameAsClean();
    }

    @Test
    void aDamagedSearchCacheIsReadAgainFromEveryPage() throws Exception {
        build();
        Path cache = new OutputLayout(dir.resolve("target")).searchSectionsCache();
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 3] ^= 0x21;
        Files.write(cache, bytes);
        Files.writeString(content.resolve("area1/page-130.md"), "\nMore.\n", StandardOpenOption.APPEND);
        List<String> debug = build();
        assertTrue(readFrom(debug, PAGES), debug.toString());
        assertSameAsClean();
    }

    @Test
    void anotherPluginVersionReadsEveryPageAgain() throws Exception {
        build("1.0", LoadOptions.DEFAULTS);
        Files.writeString(content.resolve("area1/page-130.md"), "\nMore.\n", StandardOpenOption.APPEND);
        List<String> debug = build("1.1", LoadOptions.DEFAULTS);
        assertTrue(readFrom(debug, PAGES), debug.toString());
        assertSameAsClean("1.1", LoadOptions.DEFAULTS);
    }

    @Test
    void anUnchangedTextWithOtherFactsIsCountedAgain() throws Exception {
        // A front-matter alias makes `name` the title: the text is the same, the title (a field of the index) not.
        write("area0/page-003.md", "---\nname: Quokka feeding\n---\nFeed the quokkas.\n");
        build();
        LoadOptions aliases = new LoadOptions(LoadOptions.DEFAULT_INCLUDES, List.of(), Map.of("name", "title"));
        List<String> debug = build("test", aliases);
        assertTrue(readFrom(debug, 1), "only the page whose facts changed is read again: " + debug);
        assertSameAsClean("test", aliases);
    }
}
