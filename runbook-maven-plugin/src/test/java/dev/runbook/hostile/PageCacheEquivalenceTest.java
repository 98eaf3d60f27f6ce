package dev.runbook.hostile;

import dev.runbook.testing.RequiredTool;
import dev.runbook.core.LinesLog;
import dev.runbook.core.OutputLayout;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.load.LoadOptions;
import dev.runbook.site.SiteRun;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.policy.FailOn;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page caches (the loader's models, the site's search text) make a build faster, never different: after
 * an edit, a new page, a deleted page or a renamed heading, validate's reports and the whole site of a
 * build that used the caches equal, byte for byte, those of a clean build of the same content; a damaged,
 * truncated or foreign cache (other plugin version, other load options) is not used.
 */
class PageCacheEquivalenceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    LocalDate today = TODAY;
    RuleSettings rules = RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true));

    @TempDir
    Path dir;
    Path content;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void write() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        write("a.md", """
                ---
                title: Restart the API
                tags: [api, restart]
                services: [payments]
                severity: P1
                last_reviewed: 2026-09-01
                review_every: 90d
                ---
                # Restart the API

                Check [the restart](b.md#restart), then [the cache](c.md) and [here](#steps).

                <!-- runbook-ignore placeholder.todo: tracked in OPS-1 -->
                TODO: add the dashboard link

                ## Steps {#steps}

                ```bash
                kubectl rollout restart deploy/api
                ```
                """);
        write("b.md", """
                # Service B

                Intro text about queues.

                ## Restart

                Run the restart. See [A](a.md#steps).
                """);
        write("c.md", """
                # Cache

                | key | value |
                |-----|-------|
                | ttl | 60 |
                """);
        write("ops/d.md", """
                ---
                title: [unclosed
                ---
                # Broken front-matter

                [back](../a.md)
                """);
    }

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private OutputLayout layout() {
        return new OutputLayout(dir.resolve("target"));
    }

    /** validate then site, as a build binds them; returns the debug lines of this build. */
    private List<String> build(String version, LoadOptions load) throws Exception {
        lines.clear();
        LinesLog log = new LinesLog(lines);
        ValidateOptions options = new ValidateOptions(content, dir, dir.resolve("target"), today, FailOn.NONE, Map.of(),
                null, rules, version, load);
        try {
            new ValidationRun(log).run(options);
        } catch (RunbookProblemException e) {
            // findings at failOn: the reports are written all the same
        }
        new SiteRun(log).run(SiteRun.Options.walking(content, layout(), dir.resolve("target/site"), null, "Runbooks", null,
                false, today, StatusSource.reviewOnly(new ReviewSchedule(null), today), version, Map.of(), null)
                .withLoad(load));
        return new ArrayList<>(lines);
    }

    private List<String> build() throws Exception {
        return build("test", LoadOptions.DEFAULTS);
    }

    /** Every file a build leaves under target/ that a user or another goal reads, by path. */
    private Map<String, byte[]> outputs() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path target = dir.resolve("target");
        for (Path root : List.of(target.resolve("site"), layout().findingsJson(), layout().findingsSarif(),
                layout().validateJUnitXml())) {
            try (var walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (file.equals(layout().validateJUnitXml())) {
                        // The one intended difference between two runs: the JUnit XML carries the run's wall-clock time.
                        bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                .replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"\"")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    files.put(target.relativize(file).toString(), bytes);
                }
            }
        }
        return files;
    }

    /** The outputs of a clean build (no target/ at all) of the content as it is now. */
    private Map<String, byte[]> cleanBuild(String version, LoadOptions load) throws Exception {
        Path keep = dir.resolve("kept-target");
        Files.move(dir.resolve("target"), keep);
        try {
            List<String> debug = build(version, load);
            assertTrue(debug.stream().anyMatch(l -> l.matches("DEBUG runbook: page cache: 0 runbooks unchanged.*")),
                    "a clean build parses every page: " + debug);
            return outputs();
        } finally {
            dev.runbook.core.AtomicFiles.deleteRecursively(dir.resolve("target"));
            Files.move(keep, dir.resolve("target"));
        }
    }

    private void assertSameAsClean(Map<String, byte[]> cached, String version, LoadOptions load) throws Exception {
        Map<String, byte[]> clean = cleanBuild(version, load);
        assertEquals(clean.keySet(), cached.keySet());
        for (String file : clean.keySet()) {
            assertArrayEquals(clean.get(file), cached.get(file), file + " differs from a clean build's");
        }
    }

    private void assertSameAsClean(Map<String, byte[]> cached) throws Exception {
        assertSameAsClean(cached, "test", LoadOptions.DEFAULTS);
    }

    private static boolean reused(List<String> debug, int unchanged) {
        return debug.stream().anyMatch(l -> l.startsWith("DEBUG runbook: page cache: " + unchanged + " runbooks unchanged"));
    }

    private String findings() throws IOException {
        return Files.readString(layout().findingsJson());
    }

    @Test
    void anEditedPageIsTheOnlyOneParsedAndTheOutputEqualsACleanBuild() throws Exception {
        build();
        Files.writeString(content.resolve("c.md"), "\nA new line about eviction.\n", java.nio.file.StandardOpenOption.APPEND);
        List<String> debug = build();
        assertTrue(reused(debug, 3), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.equals("DEBUG runbook: site: search text read from 1 of 4 pages")),
                debug.toString());
        assertTrue(Files.readString(dir.resolve("target/site/c.html")).contains("eviction"));
        assertSameAsClean(outputs());
    }

    @Test
    void aNewPageIsParsedAndLinkedAndTheOutputEqualsACleanBuild() throws Exception {
        build();
        write("e.md", "# E\n\nSee [steps](a.md#steps) and [nowhere](b.md#nowhere).\n");
        List<String> debug = build();
        assertTrue(reused(debug, 4), debug.toString());
        assertTrue(findings().contains("nowhere"), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void deletingALinkedPageReportsTheBrokenLinkOnTheUnchangedPage() throws Exception {
        build();
        assertTrue(!findings().contains("\"link.file\""), findings());
        Files.delete(content.resolve("c.md"));
        List<String> debug = build();
        assertTrue(reused(debug, 3), debug.toString());
        assertTrue(findings().contains("\"link.file\""), findings());
        assertTrue(!Files.exists(dir.resolve("target/site/c.html")));
        assertSameAsClean(outputs());
    }

    @Test
    void renamingAHeadingAnotherPageAnchorsToReportsTheAnchorOnTheUnchangedPage() throws Exception {
        build();
        assertTrue(!findings().contains("\"link.anchor\""), findings());
        write("b.md", Files.readString(content.resolve("b.md")).replace("## Restart", "## Reboot"));
        List<String> debug = build();
        assertTrue(reused(debug, 3), debug.toString());
        assertTrue(findings().contains("\"link.anchor\""), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void aDamagedCacheIsNotUsed() throws Exception {
        build();
        for (Path cache : List.of(layout().pageModelCache(), layout().searchSectionsCache())) {
            byte[] bytes = Files.readAllBytes(cache);
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(cache, bytes);
        }
        write("b.md", Files.readString(content.resolve("b.md")) + "\nMore.\n");
        List<String> debug = build();
        assertTrue(reused(debug, 0), debug.toString());
        assertSameAsClean(outputs());
    }

    @Test
    void aTruncatedOrEmptyCacheIsNotUsed() throws Exception {
        build();
        byte[] bytes = Files.readAllBytes(layout().pageModelCache());
        Files.write(layout().pageModelCache(), java.util.Arrays.copyOf(bytes, bytes.length - 9));
        Files.write(layout().searchSectionsCache(), new byte[0]);
        write("a.md", Files.readString(content.resolve("a.md")) + "\nMore.\n");
        List<String> debug = build();
        assertTrue(reused(debug, 0), debug.toString());
        assertSameAsClean(outputs());
    }

    @Test
    void anotherPluginVersionRebuildsEveryModel() throws Exception {
        build("1.0", LoadOptions.DEFAULTS);
        write("a.md", Files.readString(content.resolve("a.md")) + "\nMore.\n");
        List<String> debug = build("1.1", LoadOptions.DEFAULTS);
        assertTrue(reused(debug, 0), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.equals("DEBUG runbook: site: search text read from 4 of 4 pages")),
                debug.toString());
        assertSameAsClean(outputs(), "1.1", LoadOptions.DEFAULTS);
    }

    @Test
    void otherLoadOptionsRebuildEveryModel() throws Exception {
        build();
        LoadOptions aliases = new LoadOptions(LoadOptions.DEFAULT_INCLUDES, List.of(), Map.of("name", "title"));
        write("c.md", "---\nname: The cache\n---\n" + Files.readString(content.resolve("c.md")));
        List<String> debug = build("test", aliases);
        assertTrue(reused(debug, 0), debug.toString());
        assertTrue(Files.readString(dir.resolve("target/site/c.html")).contains("The cache"));
        assertSameAsClean(outputs(), "test", aliases);
    }

    @Test
    void aCachedPageWithASuppressionStillSuppresses() throws Exception {
        build();
        assertTrue(!findings().contains("\"placeholder.todo\""), findings());
        write("b.md", Files.readString(content.resolve("b.md")) + "\nMore.\n");
        List<String> debug = build();
        assertTrue(reused(debug, 3), debug.toString());
        assertTrue(!findings().contains("\"placeholder.todo\""), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void perPageFindingsComeFromTheCacheOnlyForUnchangedPages() throws Exception {
        build();
        write("c.md", Files.readString(content.resolve("c.md")) + "\nTODO: write the eviction steps\n");
        List<String> debug = build();
        assertTrue(debug.contains("DEBUG runbook: validate: page cache: per-page rules skipped on 3 unchanged runbooks, run on 1"),
                debug.toString());
        assertTrue(findings().contains("write the eviction steps"), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void aLaterBuildDateChecksReviewsAgainOnUnchangedPages() throws Exception {
        build();
        assertTrue(!findings().contains("\"review.overdue\""), findings());
        today = TODAY.plusDays(30);
        List<String> debug = build();
        assertTrue(debug.contains("DEBUG runbook: validate: page cache: per-page rules skipped on 0 unchanged runbooks, run on 4"),
                debug.toString());
        assertTrue(findings().contains("\"review.overdue\""), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void aByteOrderMarkAddedOrRemovedIsReportedAsACleanBuildReportsIt() throws Exception {
        // The text stays the same, the bytes do not: the page's findings are keyed by its bytes.
        build();
        byte[] plain = Files.readAllBytes(content.resolve("c.md"));
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        Files.write(content.resolve("c.md"), withBom);
        build();
        assertTrue(findings().contains("byte-order mark"), findings());
        assertSameAsClean(outputs());
        Files.write(content.resolve("c.md"), plain);
        build();
        assertTrue(!findings().contains("byte-order mark"), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void shellCheckFindingsAreKeptPerPageButABatchThatFailedIsCheckedAgain(@TempDir Path bin) throws Exception {
        // A missing ShellCheck fails this test with what to install; it never skips.
        Path real = RequiredTool.shellcheck();
        // A ShellCheck that fails until a flag file appears: the same binary (same stamp) before and after.
        Path flag = bin.resolve("works");
        Path fake = bin.resolve("shellcheck");
        Files.writeString(fake, "#!/bin/sh\nif [ -f '" + flag + "' ]; then exec '" + real + "' \"$@\"; fi\n"
                + "echo 'not today' >&2\nexit 3\n");
        assertTrue(fake.toFile().setExecutable(true));
        rules = rules.withShellCheck(new RuleSettings.ShellCheck(RuleSettings.ShellCheck.Mode.ON, fake,
                RuleSettings.ShellCheck.DEFAULT_EXCLUDE));
        write("sh.md", "# Shell\n\n```bash\necho $ONE\n```\n");
        List<String> debug = build();
        assertTrue(debug.stream().anyMatch(l -> l.contains("exited with 3")), debug.toString());
        assertTrue(!findings().contains("SC2086"), findings());

        Files.writeString(flag, "");
        debug = build(); // nothing changed, but the last run was incomplete: neither up to date nor cached
        assertTrue(debug.stream().noneMatch(l -> l.contains("up to date")), debug.toString());
        // a.md and sh.md, the two pages with shell blocks in the batch that failed, are checked again
        assertTrue(debug.contains("DEBUG runbook: validate: page cache: per-page rules skipped on 3 unchanged runbooks, run on 2"),
                debug.toString());
        assertTrue(findings().contains("SC2086"), findings());

        write("c.md", Files.readString(content.resolve("c.md")) + "\nMore.\n");
        debug = build(); // sh.md's ShellCheck finding now comes from the page cache
        assertTrue(debug.contains("DEBUG runbook: validate: page cache: per-page rules skipped on 4 unchanged runbooks, run on 1"),
                debug.toString());
        assertTrue(findings().contains("SC2086"), findings());
        assertSameAsClean(outputs());
    }

    @Test
    void anUnchangedPageRenderedAgainFromItsCachedModelEqualsACleanBuild() throws Exception {
        build();
        // c.md's title changes, so a.md (unchanged, linking to c.md) is rendered again from its cached model,
        // its AST parsed on demand, {#steps} and all.
        write("c.md", Files.readString(content.resolve("c.md")).replace("# Cache", "# Cache layer"));
        List<String> debug = build();
        assertTrue(reused(debug, 3), debug.toString());
        assertTrue(Files.readString(dir.resolve("target/site/a.html")).contains("id=\"steps\""));
        assertTrue(!Files.readString(dir.resolve("target/site/a.html")).contains("{#steps}"));
        assertSameAsClean(outputs());
    }
}
