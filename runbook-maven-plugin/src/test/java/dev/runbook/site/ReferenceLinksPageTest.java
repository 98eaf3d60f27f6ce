package dev.runbook.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Issue #15: reference links and images render as links to their targets; definitions are not printed. */
class ReferenceLinksPageTest {

    @TempDir
    Path temp;

    @Test
    void referenceLinksAndImagesRenderWithTheirTargetsAndTitles() throws Exception {
        SiteFixture site = new SiteFixture(temp)
                .write("ops/restart.md", """
                        # Restart

                        Read [the guide][G], then [g], and ![the diagram][Arch].

                        [g]: guide.md#intro "The guide"
                        [arch]: img/arch.png 'Architecture'
                        """)
                .write("ops/guide.md", "# Guide\n\n## Intro\n")
                .write("ops/img/arch.png", "png");
        site.build();
        Document page = Jsoup.parse(site.page("ops/restart.html"));
        Element body = page.selectFirst("main");
        List<String> links = body.select("p a[href*=guide]").stream()
                .map(a -> a.attr("href") + " " + a.attr("title") + " " + a.text()).toList();
        assertEquals(List.of("../ops/guide.html#intro The guide the guide", "../ops/guide.html#intro The guide g"), links);
        Element image = body.selectFirst("img[alt=the diagram]");
        assertEquals("img/arch.png", image.attr("src"));
        assertEquals("Architecture", image.attr("title"));
        assertFalse(body.text().contains("[g]:"), "definitions are not printed: " + body.text());
        assertFalse(body.text().contains("[the guide]"), body.text());
    }
}
