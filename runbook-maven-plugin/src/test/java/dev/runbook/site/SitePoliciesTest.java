package dev.runbook.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page the site builds carries the Content-Security-Policy, and nothing in the generated markup
 * needs an exception to it: no inline script, no event handler attribute, no {@code <style>} and no
 * {@code style=} (templates and rendered Markdown alike). The browser side is {@code DemoSiteIT} and
 * {@code XssCorpusIT} in the site module.
 */
class SitePoliciesTest {

    @TempDir
    Path dir;

    private static final String STRICT = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'self'";

    private SiteFixture fixture() throws Exception {
        return new SiteFixture(dir)
                .write("db/failover.md", "---\ntitle: Failover\ntags: [db]\naliases: [old/failover.md]\n---\n# Failover\n\n"
                        + "<img src=\"http://example.com/x.png\" style=\"color:red\" onerror=\"alert(1)\">\n\n"
                        + "<div style=\"color:red\">styled</div><style>p{}</style><script>alert(2)</script>\n\n"
                        + "```bash\necho hi\n```\n\n```smoke\nGET https://api.example.test/health\nexpect status == 200\n```\n")
                .write("index.md", "# Home page runbook\n");
    }

    @Test
    void everyPageCarriesThePolicyAndNeedsNoExceptionToIt() throws Exception {
        SiteFixture site = fixture();
        site.build();
        List<Path> pages = htmlPages(site.site());
        assertTrue(pages.size() >= 7, pages.toString()); // runbook pages, index, status, tag, 404, redirect
        for (Path page : pages) {
            Document html = Jsoup.parse(page.toFile(), "UTF-8");
            String where = site.site().relativize(page).toString();
            Element meta = html.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            assertTrue(meta != null, where + " has no policy");
            assertEquals(STRICT, meta.attr("content"), where);
            assertEquals(List.of(), html.select("script:not([src])").eachAttr("outerHtml"), where + ": inline script");
            assertEquals(0, html.select("style, [style]").size(), where + ": " + html.select("style, [style]"));
            for (Element element : html.getAllElements()) {
                element.attributes().forEach(a -> assertTrue(!a.getKey().toLowerCase().startsWith("on"),
                        where + ": event handler " + a));
            }
        }
    }

    @Test
    void remoteImagesAreAllowedOnlyWhenAskedFor() throws Exception {
        SiteFixture site = fixture();
        site.allowRemoteImages = true;
        site.build();
        Document html = Jsoup.parse(site.site().resolve("db/failover.html").toFile(), "UTF-8");
        assertEquals(STRICT.replace("img-src 'self' data:", "img-src 'self' data: https: http:"),
                html.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
    }

    private static List<Path> htmlPages(Path site) throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
