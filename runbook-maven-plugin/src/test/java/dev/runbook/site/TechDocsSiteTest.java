package dev.runbook.site;

import dev.runbook.load.LoadOptions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #15: a Middleman/tech-docs source {@code x.html.md.erb} is published as {@code x.html}, so its links work. */
class TechDocsSiteTest {

    @TempDir
    Path temp;

    @Test
    void pagesKeepTheNamesTheirLinksUse() throws Exception {
        SiteFixture site = new SiteFixture(temp)
                .write("manual/alerts/disk-full.html.md.erb", """
                        ---
                        title: Disk full
                        last_reviewed_on: 2026-03-01
                        ---
                        Back to [the manual](../index.html) or see [high load](high-load.html#check-it).
                        """)
                .write("manual/alerts/high-load.html.md.erb", "---\ntitle: High load\n---\n## Check it\n")
                .write("manual/index.html.md.erb", "# Manual\n\nStart with [disk full](alerts/disk-full.html).\n")
                .write("layouts/layout.erb", "<%= yield %>\n");
        site.load = new LoadOptions(List.of("**/*.html.md.erb"), List.of(), Map.of("last_reviewed_on", "last_reviewed"));
        site.build();
        assertTrue(Files.isRegularFile(site.site().resolve("manual/alerts/disk-full.html")));
        assertTrue(Files.isRegularFile(site.site().resolve("manual/alerts/high-load.html")));
        assertFalse(Files.exists(site.site().resolve("manual/alerts/disk-full.html.html")));
        Document page = Jsoup.parse(site.page("manual/alerts/disk-full.html"));
        List<String> hrefs = page.select("main p a").stream().map(a -> a.attr("href")).toList();
        assertEquals(List.of("../index.html", "high-load.html#check-it"), hrefs);
        for (String href : hrefs) {
            Path target = site.site().resolve("manual/alerts").resolve(href.replaceAll("#.*", "")).normalize();
            assertTrue(Files.isRegularFile(target), href + " works on the site");
        }
        assertTrue(page.selectFirst("h2#check-it") == null, "the anchor is on the other page");
        assertTrue(Jsoup.parse(site.page("manual/alerts/high-load.html")).selectFirst("#check-it") != null);
        assertTrue(site.page("index.html").contains("manual/alerts/disk-full.html"));
    }
}
