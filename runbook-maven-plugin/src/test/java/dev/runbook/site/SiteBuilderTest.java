package dev.runbook.site;

import dev.runbook.core.AtomicFiles;
import dev.runbook.core.SetupException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incremental builds, the staged swap, and the site's page layout rules. */
class SiteBuilderTest {

    @TempDir
    Path dir;
    SiteFixture site;

    @BeforeEach
    void content() throws Exception {
        site = new SiteFixture(dir);
        for (int i = 1; i <= 5; i++) {
            site.write("svc/page-" + i + ".md", "---\nservice: svc\ntags: [t" + (i % 2) + "]\n---\n# Page " + i + "\n\n## Step\n\nText " + i + ".\n");
        }
    }

    @Test
    void secondBuildRendersNothing() throws Exception {
        SiteResult first = site.build();
        assertEquals(5, first.rendered());
        assertTrue(first.fullRebuild());
        Object inode = inode("svc/page-3.html");

        SiteResult second = site.build();
        assertEquals(0, second.rendered());
        assertEquals(5, second.unchanged());
        assertEquals(0, second.indexPages());
        assertFalse(second.fullRebuild());
        assertTrue(second.summary().startsWith("runbook: site: 0 pages rendered, 5 unchanged"), second.summary());
        assertEquals(inode, inode("svc/page-3.html"), "unchanged page carried over (hard link), not rewritten");
        assertTrue(Files.isRegularFile(site.site().resolve("index.html")));
        assertTrue(Files.isRegularFile(site.site().resolve("tags/t0.html")));
    }

    @Test
    void noPageKeepsItsAstOnceItsPageAndItsSearchEntryAreMade() throws Exception {
        site.build();
        assertEquals(5, site.loaded.runbooks().size());
        site.loaded.runbooks().forEach(r -> assertFalse(r.parsed().inMemory(), r.relativePath() + " rendered"));
        site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0]\n---\n# Page 2\n\nNew steps.\n");
        assertEquals(1, site.build().rendered());
        site.loaded.runbooks().forEach(r -> assertFalse(r.parsed().inMemory(), r.relativePath() + " rendered or not"));
        assertTrue(site.page("svc/page-2.html").contains("New steps."));
        StringBuilder search = new StringBuilder();
        try (var files = Files.walk(site.site().resolve("search"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                search.append(Files.readString(file));
            }
        }
        assertTrue(search.toString().contains("New steps."), "its search text too");
    }

    @Test
    void oneChangedPageRendersThatPageAndTheIndexPages() throws Exception {
        site.build();
        Object untouched = inode("svc/page-1.html");
        site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0, fresh]\n---\n# Page 2\n\nNew steps.\n");

        SiteResult result = site.build();
        assertEquals(1, result.rendered());
        assertEquals(4, result.unchanged());
        assertTrue(result.indexPages() > 0, "index, tag and status pages rebuilt");
        assertTrue(site.page("svc/page-2.html").contains("New steps."));
        assertTrue(Jsoup.parse(site.page("index.html")).select("tr[data-tags*=fresh] a.runbook-link").text().contains("Page 2"));
        assertTrue(Files.isRegularFile(site.site().resolve("tags/fresh.html")), "new tag page");
        assertFalse(Jsoup.parse(site.page("tags/t1.html")).text().contains("Page two"), "left its old tag");
        assertEquals(untouched, inode("svc/page-1.html"));
    }

    @Test
    void anEditOfThePageBodyKeepsTheSiteWidePagesAndTheyStillEqualACleanBuild() throws Exception {
        site.build();
        Object index = inode("index.html");
        Object tag = inode("tags/t0.html");
        site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0]\n---\n# Page 2\n\n## Step\n\nOther steps.\n");

        SiteResult result = site.build();
        assertEquals(1, result.rendered());
        assertTrue(site.page("svc/page-2.html").contains("Other steps."));
        assertEquals(index, inode("index.html"), "nothing the index shows changed: carried over, not written");
        assertEquals(tag, inode("tags/t0.html"));
        assertTrue(site.log.stream().anyMatch(l -> l.contains("index, tag, status and redirect pages kept")), site.log.toString());

        String kept = site.page("index.html");
        String keptStatus = site.page("status.html");
        AtomicFiles.deleteRecursively(site.site());
        site.build();
        assertEquals(site.page("index.html"), kept, "the kept index is the one a clean build writes");
        assertEquals(site.page("status.html"), keptStatus);
    }

    @Test
    void aSiteWidePageEditedByHandInThePublishedSiteIsWrittenAgain() throws Exception {
        site.build();
        String clean = site.page("index.html");
        Path index = site.site().resolve("index.html");
        Files.delete(index); // the live file may be a hard link shared with nothing else; replace it like an editor
        Files.writeString(index, "tampered");
        site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0]\n---\n# Page 2\n\n## Step\n\nOther steps.\n");

        site.build();
        assertEquals(clean, site.page("index.html"), "its bytes differ from the manifest's: written again");
    }

    /** The pages before and after a runbook in its service show its title (previous / next): a rename re-renders them. */
    @Test
    void renamedRunbookRendersItsNeighboursPagers() throws Exception {
        site.build();
        Object far = inode("svc/page-5.html");
        site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0]\n---\n# Page 2 renamed\n");

        SiteResult result = site.build();
        assertEquals(3, result.rendered(), "page 2 and the pages before and after it");
        assertEquals("Page 2 renamed", Jsoup.parse(site.page("svc/page-1.html")).selectFirst("a.pager-next .pager-title").text());
        assertEquals("Page 2 renamed", Jsoup.parse(site.page("svc/page-3.html")).selectFirst("a.pager-prev .pager-title").text());
        assertEquals(far, inode("svc/page-5.html"), "a page two places away is carried over");
    }

    @Test
    void removedRunbookDisappearsWithItsTagPage() throws Exception {
        site.write("other/lonely.md", "---\ntags: [lonely]\n---\n# Lonely\n");
        site.build();
        assertTrue(Files.isRegularFile(site.site().resolve("other/lonely.html")));
        Files.delete(site.content.resolve("other/lonely.md"));

        SiteResult result = site.build();
        assertEquals(0, result.rendered());
        assertFalse(Files.exists(site.site().resolve("other/lonely.html")));
        assertFalse(Files.exists(site.site().resolve("tags/lonely.html")));
        assertFalse(site.page("index.html").contains("Lonely"));
    }

    @Test
    void templateChangeRebuildsEverything() throws Exception {
        site.build();
        site.templates = Files.createDirectories(dir.resolve("theme"));
        Files.writeString(site.templates.resolve("404.ftlh"), "<p>Lost? ${frame.siteTitle}</p>");
        Files.createDirectories(site.templates.resolve("assets"));
        Files.writeString(site.templates.resolve("assets/site.css"), "body { color: teal; }");
        Files.writeString(site.templates.resolve("assets/logo.svg"), "<svg/>");

        SiteResult result = site.build();
        assertTrue(result.fullRebuild());
        assertEquals(5, result.rendered());
        assertEquals("<p>Lost? Runbooks</p>", site.page("404.html"));
        assertEquals("body { color: teal; }", site.page("assets/site.css"), "an asset is overridden file by file");
        assertEquals("<svg/>", site.page("assets/logo.svg"), "and the override may add assets");
        assertTrue(site.page("assets/site.js").contains("copy"), "the other bundled assets stay");
        assertEquals(0, site.build().rendered(), "and is incremental again afterwards");
    }

    @Test
    void configChangeRebuildsEverything() throws Exception {
        site.build();
        SiteResult result = site.build("Other title");
        assertTrue(result.fullRebuild());
        assertEquals(5, result.rendered());
        assertTrue(site.page("svc/page-1.html").contains("Other title"));
    }

    @Test
    void deletedOutputFileIsRenderedAgain() throws Exception {
        site.build();
        Files.delete(site.site().resolve("svc/page-4.html"));
        SiteResult result = site.build();
        assertEquals(1, result.rendered());
        assertTrue(Files.isRegularFile(site.site().resolve("svc/page-4.html")));
    }

    @Test
    void failedBuildLeavesThePreviousSiteIntact() throws Exception {
        site.build();
        String index = site.page("index.html");
        String page = site.page("svc/page-1.html");
        site.templates = Files.createDirectories(dir.resolve("broken-theme"));
        Files.writeString(site.templates.resolve("runbook.ftlh"), "<h1>${runbook.noSuchField}</h1>");
        site.write("svc/page-6.md", "# Page 6\n");

        SetupException failure = assertThrows(SetupException.class, site::build);
        assertTrue(failure.getMessage().contains("runbook.ftlh"), failure.getMessage());
        assertEquals(index, site.page("index.html"));
        assertEquals(page, site.page("svc/page-1.html"));
        assertFalse(Files.exists(site.site().resolve("svc/page-6.html")));
        try (Stream<Path> siblings = Files.list(site.target)) {
            assertEquals(List.of("runbook-site", "runbook-site-state.json"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left behind");
        }
        site.templates = null;
        SiteResult recovered = site.build();
        assertEquals(1, recovered.rendered(), "state untouched by the failed build: only the new page renders");
    }

    @Test
    void reservedPathsGetASuffixAndAWarning() throws Exception {
        site.write("index.md", "# Home page\n").write("tags/t0.md", "# Tagged t0\n").write("status.md", "# Status notes\n");
        site.build();
        assertTrue(Jsoup.parse(site.page("index-1.html")).title().startsWith("Home page"));
        assertTrue(Jsoup.parse(site.page("status-1.html")).title().startsWith("Status notes"));
        assertTrue(Jsoup.parse(site.page("tags/t0-1.html")).title().startsWith("Tagged t0"));
        assertTrue(Jsoup.parse(site.page("tags/t0.html")).title().startsWith("Tag: t0"));
        assertTrue(site.log.stream().anyMatch(l -> l.startsWith("WARN index.md:1:1: warning [site.reserved-path]")), site.log.toString());
        assertTrue(Jsoup.parse(site.page("index.html")).selectFirst("a.runbook-link[href=index-1.html]") != null);
    }

    @Test
    void aliasesBecomeRedirectPages() throws Exception {
        site.write("db/failover.md", "---\naliases: [old/db-failover.md]\n---\n# Failover\n")
                .write("db/links.md", "# Links\n\n[old link](../old/db-failover.md#x)\n");
        site.build();
        Document redirect = Jsoup.parse(site.page("old/db-failover.html"));
        assertEquals("0; url=../db/failover.html", redirect.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("../db/failover.html", redirect.selectFirst("a").attr("href"));
        assertEquals("../db/failover.html#x",
                Jsoup.parse(site.page("db/links.html")).selectFirst("a:contains(old link)").attr("href"),
                "links to an old path go straight to the new page");
    }

    @Test
    void draftsAreLeftOut() throws Exception {
        site.write("draft.md", "---\ndraft: true\n---\n# Draft\n");
        site.build();
        assertFalse(Files.exists(site.site().resolve("draft.html")));
        assertTrue(site.log.stream().anyMatch(l -> l.contains("1 draft left out")));
    }

    @Test
    void outputIsReproducible() throws Exception {
        site.build();
        String index = site.page("index.html");
        String page = site.page("svc/page-1.html");
        Files.delete(site.target.resolve("runbook-site-state.json"));
        assertTrue(site.build().fullRebuild());
        assertEquals(index, site.page("index.html"));
        assertEquals(page, site.page("svc/page-1.html"));
        assertTrue(index.contains("Built 2026-11-22") && index.contains("<span>runbook-maven-plugin "), "the footer names the plugin version");
    }

    @Test
    void relativeAttachmentsAreCopied() throws Exception {
        site.write("svc/img/graph.png", "not really a png");
        site.write("svc/with-image.md", "# Image\n\n![graph](img/graph.png)\n");
        site.build();
        assertEquals("not really a png", Files.readString(site.site().resolve("svc/img/graph.png")));
        assertEquals("img/graph.png", Jsoup.parse(site.page("svc/with-image.html")).selectFirst("article img").attr("src"));
    }

    @Test
    void baseUrlGivesCanonicalLinksButInternalLinksStayRelative() throws Exception {
        site.baseUrl = "https://runbooks.example.com/ops";
        site.build();
        Document page = Jsoup.parse(site.page("svc/page-1.html"));
        assertEquals("https://runbooks.example.com/ops/svc/page-1.html", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("../index.html", page.selectFirst("a.brand").attr("href"));
        Document notFound = Jsoup.parse(site.page("404.html"));
        assertEquals("https://runbooks.example.com/ops/index.html", notFound.selectFirst("a.brand").attr("href"));
    }

    @Test
    void linksWithQueryEncodingAndUnknownTargets() throws Exception {
        site.write("a/my page.md", "# Spaced\n")
                .write("a/links.md", "# Links\n\n[spaced](my%20page.md#top) [missing](nowhere.md?x=1#y) [up](../svc/page-1.md)"
                        + " [abs](/svc/page-2.md) [file](./notes.txt)\n");
        site.build();
        Document page = Jsoup.parse(site.page("a/links.html"));
        assertEquals("../a/my%20page.html#top", page.selectFirst("a:contains(spaced)").attr("href"));
        assertEquals("nowhere.html?x=1#y", page.selectFirst("a:contains(missing)").attr("href"));
        assertEquals("../svc/page-1.html", page.selectFirst("a:contains(up)").attr("href"));
        assertEquals("/svc/page-2.md", page.selectFirst("a:contains(abs)").attr("href"), "absolute paths are left alone");
        assertEquals("./notes.txt", page.selectFirst("a:contains(file)").attr("href"));
        assertTrue(Jsoup.parse(site.page("index.html")).selectFirst("a.runbook-link[href=a/my%20page.html]") != null);
    }

    /**
     * An incremental build recycles the site its last swap replaced as its staging folder (beside the manifest,
     * never beside the site); whatever that folder holds, each build's site is the one a clean build writes.
     */
    @Test
    void incrementalBuildsRecycleTheReplacedSiteAndEachEqualsACleanBuild() throws Exception {
        Path recycled = site.target.resolve("runbook-site-state.recycled");
        site.build();
        assertFalse(Files.exists(recycled), "a full build keeps nothing to recycle");
        List<String> edits = List.of("body", "new folder", "delete", "delete folder", "title", "none", "tamper", "link");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "not the site's");
        int n = 0;
        for (String edit : edits) {
            switch (edit) {
                case "body" -> site.write("svc/page-3.md", "---\nservice: svc\ntags: [t1]\n---\n# Page 3\n\nEdited.\n");
                case "new folder" -> site.write("new/deep/page-9.md", "---\ntags: [fresh]\n---\n# Page 9\n");
                case "delete" -> Files.delete(site.content.resolve("svc/page-1.md"));
                case "delete folder" -> AtomicFiles.deleteRecursively(site.content.resolve("new"));
                case "title" -> site.write("svc/page-4.md", "---\nservice: svc\n---\n# Page four\n");
                case "tamper" -> { // the recycled folder edited by hand: other bytes, strays, a link leading out
                    for (String name : List.of("svc/page-2.html", "svc/page-3.html")) { // 3 is not rendered again
                        Files.delete(recycled.resolve(name));
                        Files.writeString(recycled.resolve(name), "tampered");
                    }
                    Files.writeString(recycled.resolve("stray.html"), "stray");
                    Files.createDirectories(recycled.resolve("stray/folder"));
                    Files.delete(recycled.resolve("index.html"));
                    Files.createDirectories(recycled.resolve("index.html"));
                    Files.delete(recycled.resolve("svc/page-5.html"));
                    Files.createSymbolicLink(recycled.resolve("svc/page-5.html"), outside.resolve("keep.txt"));
                    AtomicFiles.deleteRecursively(recycled.resolve("tags"));
                    Files.createSymbolicLink(recycled.resolve("tags"), outside);
                    site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0]\n---\n# Page 2\n\nAgain.\n");
                }
                case "link" -> { // the recycled folder is a link to a folder elsewhere: never followed
                    AtomicFiles.deleteRecursively(recycled);
                    Files.createSymbolicLink(recycled, outside);
                    site.write("svc/page-2.md", "---\nservice: svc\ntags: [t0]\n---\n# Page 2\n\nOnce more.\n");
                }
                default -> { }
            }
            SiteResult result = site.build();
            assertFalse(result.fullRebuild(), edit);
            assertEquals(clean(++n), tree(site.site()), "after '" + edit + "' the site is the one a clean build writes");
            assertTrue(Files.isDirectory(recycled, java.nio.file.LinkOption.NOFOLLOW_LINKS) || edit.equals("none"),
                    "the replaced site waits beside the manifest: " + edit);
            assertEquals("not the site's", Files.readString(outside.resolve("keep.txt")), edit);
            try (Stream<Path> entries = Files.list(outside)) {
                assertEquals(List.of("keep.txt"), entries.map(p -> p.getFileName().toString()).toList(), edit);
            }
        }
        try (Stream<Path> siblings = Files.list(site.target)) {
            assertEquals(List.of("runbook-site", "runbook-site-state.json", "runbook-site-state.recycled"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList(), "nothing beside the site");
        }
        site.build("Other title");
        assertFalse(Files.exists(recycled), "a full build shares nothing with the old site: not kept");
    }

    /** The site a clean build writes from the fixture's content, in a folder of its own. */
    private java.util.Map<String, String> clean(int n) throws Exception {
        SiteFixture clean = new SiteFixture(dir.resolve("clean-" + n));
        try (Stream<Path> files = Files.walk(site.content)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                clean.write(site.content.relativize(file).toString(), Files.readString(file));
            }
        }
        assertTrue(clean.build().fullRebuild());
        return tree(clean.site());
    }

    /**
     * Every entry of a folder by relative path: a file's text, or what else it is. Not the generation marker: it
     * names the manifest, which hashes where the content and the site are.
     */
    private static java.util.Map<String, String> tree(Path root) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> entries = Files.walk(root)) {
            for (Path entry : entries.filter(p -> !p.equals(root) && !p.endsWith(BuildState.GENERATION_FILE)).toList()) {
                String relative = root.relativize(entry).toString();
                out.put(relative, Files.isSymbolicLink(entry) ? "link" : Files.isDirectory(entry) ? "folder"
                        : Files.readString(entry));
            }
        }
        return out;
    }

    private Object inode(String page) throws Exception {
        Object key = Files.readAttributes(site.site().resolve(page), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertNotEquals(null, key, "file system without file keys");
        return key;
    }
}
