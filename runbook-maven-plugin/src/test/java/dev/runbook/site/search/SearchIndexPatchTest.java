package dev.runbook.site.search;

import dev.runbook.testing.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writing the index over an earlier one (what an incremental build does: its staging folder holds hard links
 * to the live site's files) gives exactly the files a clean write gives, never writes through a link into
 * the earlier site, and rewrites only the shards that change: the shard ends are chosen by the entries
 * themselves, so one edited, added, deleted or renamed page moves few of them.
 */
class SearchIndexPatchTest {

    @TempDir
    Path dir;

    private static final List<SearchDocument> BASE = SearchFixtures.demoPlusSynthetic(3000);

    /** The base site, then {@code change} written over a hard-linked copy of it; returns files rewritten. */
    private int patchAndCompare(UnaryOperator<List<SearchDocument>> change) throws IOException {
        Path live = dir.resolve("live");
        new SearchIndexWriter().write(BASE, live);
        Map<String, byte[]> liveBefore = files(live);
        Path staging = dir.resolve("staging");
        linkTree(live, staging);
        List<SearchDocument> changed = change.apply(new ArrayList<>(BASE));
        SearchIndexWriter.Written patched = new SearchIndexWriter().writePages(
                changed.stream().map(d -> IndexedPage.of(d, SearchIndexWriter.Limits.DEFAULT.maxSectionChars())).toList(),
                staging);
        Path clean = dir.resolve("clean");
        List<String> cleanFiles = new SearchIndexWriter().write(changed, clean);
        assertEquals(cleanFiles, patched.files());
        Map<String, byte[]> expected = files(clean);
        Map<String, byte[]> actual = files(staging);
        assertEquals(expected.keySet(), actual.keySet(), "the same files, no stale shard left");
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file + " differs from a clean write"));
        Map<String, byte[]> liveAfter = files(live);
        assertEquals(liveBefore.keySet(), liveAfter.keySet());
        liveBefore.forEach((file, bytes) -> assertArrayEquals(bytes, liveAfter.get(file), file + " of the live site was written through"));
        return patched.rewritten();
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        return FileTree.bytes(root);
    }

    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, f);
                }
            }
        }
    }

    private static SearchDocument withSections(SearchDocument d, List<SearchDocument.Section> sections) {
        return new SearchDocument(d.url(), d.title(), d.description(), d.services(), d.tags(), d.severity(), sections,
                d.alert(), d.status(), d.overdue());
    }

    private static SearchDocument withUrl(SearchDocument d, String url) {
        return new SearchDocument(url, d.title(), d.description(), d.services(), d.tags(), d.severity(), d.sections(),
                d.alert(), d.status(), d.overdue());
    }

    private static int indexOf(List<SearchDocument> docs, String url) {
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).url().equals(url)) {
                return i;
            }
        }
        throw new AssertionError(url);
    }

    private int totalFiles() throws IOException {
        return new SearchIndexWriter().write(BASE, dir.resolve("count")).size();
    }

    @Test
    void anEditedPageRewritesAFewShards() throws IOException {
        int total = totalFiles();
        int rewritten = patchAndCompare(docs -> {
            int i = indexOf(docs, "synthetic/page-01500.html");
            SearchDocument d = docs.get(i);
            List<SearchDocument.Section> sections = new ArrayList<>(d.sections());
            SearchDocument.Section last = sections.remove(sections.size() - 1);
            sections.add(new SearchDocument.Section(last.anchor(), last.heading(), last.text() + " bench edit one"));
            docs.set(i, withSections(d, sections));
            return docs;
        });
        assertTrue(total > 300, "split into many shards: " + total);
        assertTrue(rewritten >= 2 && rewritten < total / 50, rewritten + " of " + total + " rewritten");
    }

    @Test
    void aNewPageInTheMiddleRewritesThePostingsButFewTextShards() throws IOException {
        int total = totalFiles();
        int rewritten = patchAndCompare(docs -> {
            SearchDocument d = docs.get(indexOf(docs, "synthetic/page-01500.html"));
            docs.add(withUrl(d, "synthetic/page-01500-b.html"));
            return docs;
        });
        // Every later page's id moves by one: each postings list past it changes (one gap), the text shards do not.
        assertTrue(rewritten < total / 4, rewritten + " of " + total + " rewritten");
    }

    @Test
    void aDeletedPageIsGoneFromEveryShard() throws IOException {
        int rewritten = patchAndCompare(docs -> {
            docs.remove(indexOf(docs, "synthetic/page-00007.html"));
            return docs;
        });
        assertTrue(rewritten > 0);
    }

    @Test
    void aRenamedPageMovesToItsNewPlace() throws IOException {
        patchAndCompare(docs -> {
            int i = indexOf(docs, "synthetic/page-00100.html");
            docs.set(i, withUrl(docs.get(i), "synthetic/zz-renamed.html"));
            return docs;
        });
    }

    @Test
    void aPageWhoseTermsMoveToOtherShardsLeavesNoTraceInTheOldOnes() throws IOException {
        patchAndCompare(docs -> {
            int i = indexOf(docs, "synthetic/page-02000.html");
            docs.set(i, withSections(docs.get(i), List.of(new SearchDocument.Section("", "",
                    "aardvark abacus zymurgy zebra quartz quokka brand new words only here"))));
            return docs;
        });
    }

    @Test
    void shrinkingToOneFileRemovesEveryShard() throws IOException {
        patchAndCompare(docs -> new ArrayList<>(SearchFixtures.demo()));
    }
}
