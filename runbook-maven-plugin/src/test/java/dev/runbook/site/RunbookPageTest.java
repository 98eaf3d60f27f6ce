package dev.runbook.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders a sample runbook through the whole site build and reads the page back as a browser would. */
class RunbookPageTest {

    private static final String SAMPLE = """
            ---
            title: "Primary down <script>alert('title')</script>"
            description: Promote the replica.
            service: postgres
            owner: team-sre
            severity: P1
            tags: [database, "<img src=x onerror=alert(1)>"]
            last_reviewed: 2026-10-01
            review_every: 30d
            ---
            # Primary down

            See [failover](../ops/failover.md#promote-it), [the steps](#steps), [top](failover.md),
            [external](https://example.com/x) and [bad](javascript:alert(1)).

            ## Check lag

            ## Steps {#steps}

            ## Steps

            ## Danger <script>alert('heading')</script>

            <div onclick="evil()"><script>alert('raw')</script><b>bold</b><iframe src="https://evil.example"></iframe>
            <a href="javascript:alert(2)">js link</a> <a href="https://ok.example" onmouseover="x()">ok link</a>
            <img src="data:image/png;base64,AAAA" alt="data image"> <span style="color:red">styled</span>
            <details><summary>More</summary>hidden text</details></div>

            | Member | Role |
            |--------|------|
            | pg-0   | Leader |

            ```bash
            kubectl get pods -l "app=<pg>"
            ```

            ```smoke {name="API health" timeout=5s retries=2}
            curl -fsS {{api}}/health
            expect status == 200
            expect json $.status == "ok"
            ```
            """;

    @TempDir
    Path dir;
    SiteFixture site;
    Document page;

    @BeforeEach
    void build() throws Exception {
        site = new SiteFixture(dir)
                .write("db/primary-down.md", SAMPLE)
                .write("db/failover.md", "# Failover\n\n## Promote it\n")
                .write("ops/failover.md", "---\nservice: ops\n---\n# Ops failover\n\n## Promote it\n");
        site.build();
        page = Jsoup.parse(site.page("db/primary-down.html"));
    }

    @Test
    void headingIdsAreTheSluggerIdsWithAnchorLinks() {
        Element article = page.selectFirst("article.prose");
        List<String> ids = article.select("h2").eachAttr("id");
        assertEquals(List.of("check-lag", "steps", "steps-1", "danger-alertheading"), ids.subList(0, 4));
        Element anchor = article.selectFirst("h2#check-lag > a.anchor");
        assertNotNull(anchor);
        assertEquals("#check-lag", anchor.attr("href"));
        assertEquals("primary-down", page.selectFirst("header.runbook-head h1").id(), "the lifted H1 keeps its id");
        assertEquals(1, page.select("h1").size(), "the Markdown H1 becomes the page title, not a second H1");
    }

    @Test
    void tocListsSectionsInOrder() {
        List<String> expected = List.of("#check-lag", "#steps", "#steps-1", "#danger-alertheading");
        assertEquals(expected, page.select("aside.toc-side nav.toc a").eachAttr("href"), "the desktop TOC");
        assertEquals(expected, page.select("details.toc-compact nav.toc a").eachAttr("href"), "the narrow-screen TOC");
    }

    @Test
    void markdownLinksPointAtPagesAndKeepFragments() {
        Element article = page.selectFirst("article.prose");
        assertEquals("../ops/failover.html#promote-it", article.selectFirst("a:contains(failover)").attr("href"));
        assertEquals("#steps", article.selectFirst("a:contains(the steps)").attr("href"));
        assertEquals("../db/failover.html", article.selectFirst("a:contains(top)").attr("href"));
        assertEquals("https://example.com/x", article.selectFirst("a:contains(external)").attr("href"));
        assertTrue(Files.isRegularFile(site.site().resolve("ops/failover.html")));
    }

    @Test
    void codeBlocksHaveLanguageLabelAndCopyButton() {
        Element block = page.selectFirst("div.code-block");
        assertEquals("bash", block.selectFirst(".code-lang").text());
        Element button = block.selectFirst("button.copy");
        assertEquals("button", button.attr("type"));
        assertEquals("Copy", button.text());
        assertEquals("kubectl get pods -l \"app=<pg>\"", block.selectFirst("pre > code").wholeText().strip());
    }

    @Test
    void smokeBlocksAreCheckCardsNotCode() {
        Element card = page.selectFirst("section.smoke-card");
        assertNotNull(card);
        assertEquals("API health", card.selectFirst(".smoke-name").text());
        assertEquals("curl -fsS {{api}}/health", card.selectFirst(".smoke-probe code").text());
        assertEquals(List.of("status == 200", "json $.status == \"ok\""), card.select(".smoke-expect code").eachText());
        assertEquals(List.of("retries 2", "timeout 5s"), card.select(".smoke-attr").eachText());
        assertNull(page.selectFirst("code.language-smoke"), "no raw smoke code left on the page");
    }

    @Test
    void aBlockOfSeveralStepsShowsEachStepWithItsKind() throws Exception {
        site.write("db/replica.md", String.join("\n", "# Replica", "",
                "```smoke {name=\"Log in, then read\" write=true}",
                "POST {{api}}/oauth/token",
                "Content-Type: application/x-www-form-urlencoded",
                "",
                "grant_type=client_credentials",
                "expect status == 200",
                "capture token = json $.access_token",
                "sql postgresql://{{db}}/app user={{PGUSER}} password={{PGPASSWORD}}",
                "query \"select pg_is_in_recovery() as replica\"",
                "expect value $.replica == true",
                "redis redis://{{cache}}:6379",
                "command \"PING\"",
                "expect reply == \"PONG\"",
                "turn {{turn}}:3478 udp user={{TURN_USER}} password={{TURN_PASSWORD}}",
                "```", ""));
        site.build();
        Element card = Jsoup.parse(site.page("db/replica.html")).selectFirst("section.smoke-card");
        List<Element> steps = card.select("ol.smoke-steps > li.smoke-step");
        assertEquals(List.of("Step 1 of 4", "Step 2 of 4", "Step 3 of 4", "Step 4 of 4"),
                steps.stream().map(s -> s.selectFirst(".smoke-step-title").text()).toList());
        assertEquals(List.of("HTTP", "SQL", "Redis", "TURN"),
                steps.stream().map(s -> s.selectFirst(".smoke-probe .smoke-label").text()).toList());
        assertEquals("Content-Type: application/x-www-form-urlencoded\ngrant_type=client_credentials",
                steps.get(0).selectFirst(".smoke-request code").wholeText());
        assertEquals("token = json $.access_token", steps.get(0).select(".smoke-checks").get(1).selectFirst("code").text());
        assertEquals("Query", steps.get(1).selectFirst(".smoke-request .smoke-label").text());
        assertEquals("Command", steps.get(2).selectFirst(".smoke-request .smoke-label").text());
        assertEquals(List.of("reply == \"PONG\""), steps.get(2).select(".smoke-expect code").eachText());
        assertEquals("no assertions: passes when the probe answers", steps.get(3).selectFirst(".smoke-none").text());
    }

    @Test
    void contentIsEscapedAndRawHtmlSanitized() throws Exception {
        String html = site.page("db/primary-down.html");
        assertFalse(html.contains("<script>alert"), "no script from content survives");
        assertTrue(html.contains("Primary down &lt;script&gt;alert("), "title is escaped text");
        assertEquals("Primary down <script>alert('title')</script>", page.selectFirst("header.runbook-head h1").text());
        for (Element script : page.select("script")) {
            assertTrue(script.hasAttr("src") && script.attr("src").startsWith("../assets/"), script.outerHtml());
        }
        for (Element element : page.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertFalse(attribute.getKey().startsWith("on") && !attribute.getKey().equals("onsubmit"),
                        "event handler kept: " + element.outerHtml());
                assertFalse(attribute.getValue().toLowerCase().startsWith("javascript:"), element.outerHtml());
                assertFalse(attribute.getValue().toLowerCase().startsWith("data:"), element.outerHtml());
            });
            assertFalse(element.hasAttr("style"), "style kept: " + element.outerHtml());
        }
        assertTrue(page.select("iframe").isEmpty());
        Element article = page.selectFirst("article.prose");
        assertEquals("bold", article.selectFirst("b").text());
        assertEquals("https://ok.example", article.selectFirst("a:contains(ok link)").attr("href"));
        assertFalse(article.selectFirst("a:contains(js link)").hasAttr("href"));
        assertTrue(article.select("a:contains(bad)[href]").isEmpty(), "javascript: Markdown link left as text");
        assertTrue(article.text().contains("and bad."));
        assertEquals("More", article.selectFirst("details > summary").text());
        assertEquals("data image", article.selectFirst("img").attr("alt"));
        assertFalse(article.selectFirst("img").hasAttr("src"));
        assertEquals("<img src=x onerror=alert(1)>", page.select(".meta .tag").get(1).text(), "tag shown as text");
        assertTrue(page.select("img[onerror]").isEmpty());
    }

    @Test
    void pageFootShowsTheSourceWrappingAtSlashesAndWhenItLastChanged() throws Exception {
        Element source = page.selectFirst("footer.page-meta code.source-path");
        assertEquals("db/primary-down.md", source.text());
        assertEquals(1, source.select("wbr").size(), "a line may break after each '/' and nowhere else");
        // Not in a git work tree: the file's modification time, never the build date.
        String modified = java.time.LocalDate.ofInstant(
                Files.getLastModifiedTime(site.content.resolve("db/primary-down.md")).toInstant(), java.time.ZoneOffset.UTC).toString();
        assertEquals(modified, page.selectFirst("footer.page-meta time").attr("datetime"));
        assertNull(page.selectFirst("a.edit-link"), "no edit link without an editUrl");
    }

    @Test
    void editLinkPointsAtTheSourceFile() throws Exception {
        site.write("db/with space.md", "# Spaced\n");
        site.editUrl = "https://git.example/org/repo/edit/main/content/{path}";
        site.build();
        assertEquals("https://git.example/org/repo/edit/main/content/db/primary-down.md",
                Jsoup.parse(site.page("db/primary-down.html")).selectFirst("a.edit-link").attr("href"));
        assertEquals("https://git.example/org/repo/edit/main/content/db/with%20space.md",
                Jsoup.parse(site.page("db/with space.html")).selectFirst("a.edit-link").attr("href"));
    }

    @Test
    void footerShowsTheStatusDateAndTheBuildDateWhenThePinnedClockDiffersFromIt() throws Exception {
        assertEquals("Built 2026-11-22", Jsoup.parse(site.page("db/primary-down.html")).selectFirst("footer.site-footer span").text());
        site.builtOn = java.time.LocalDate.of(2026, 12, 4);
        site.build();
        for (String page : List.of("db/primary-down.html", "index.html", "status.html", "404.html")) {
            assertEquals("Statuses and review dates as of 2026-11-22 · built 2026-12-04",
                    Jsoup.parse(site.page(page)).selectFirst("footer.site-footer span").text(), page);
        }
    }

    @Test
    void editUrlThatIsNoWebLinkShowsNoLink() throws Exception {
        site.editUrl = "javascript:alert(1)//{path}";
        site.build();
        assertNull(Jsoup.parse(site.page("db/primary-down.html")).selectFirst("a.edit-link"));
    }

    @Test
    void metadataPanelAndStatus() {
        Element meta = page.selectFirst("dl.meta");
        assertTrue(meta.text().contains("postgres"));
        assertTrue(meta.text().contains("team-sre"));
        assertEquals("P1", meta.selectFirst(".sev").text());
        assertTrue(meta.text().contains("2026-10-01"));
        assertTrue(meta.text().contains("2026-10-31"));
        Element panel = page.selectFirst(".status-panel");
        assertEquals("Unverified", panel.selectFirst(".badge-unverified").text());
        assertEquals("Review overdue", panel.selectFirst(".badge-overdue").text());
        assertEquals("postgres", page.body().attr("data-service"));
        assertEquals("P1", page.body().attr("data-severity"));
    }

    @Test
    void headerCarriesTheSearchContractAndRelativeLinks() {
        Element form = page.selectFirst("form.search[role=search]");
        assertEquals("../", form.attr("data-root"));
        Element input = form.selectFirst("input#search-input");
        assertEquals("search-results", input.attr("aria-controls"));
        assertTrue(form.selectFirst("#search-results[role=listbox]").hasAttr("hidden"));
        assertNotNull(page.selectFirst("script[src=../assets/search.js][defer]"));
        assertNotNull(page.selectFirst("link[rel=stylesheet][href=../assets/search.css]"));
        assertEquals("../index.html", page.selectFirst("a.brand").attr("href"), "the index is one click away");
        for (Element link : page.select("a[href], link[href], script[src]")) {
            String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
            assertFalse(url.startsWith("/"), "absolute path breaks file://: " + url);
            assertTrue(!url.contains("://") || link.closest("article") != null, "network request in the frame: " + url);
        }
    }

    @Test
    void indexTagStatusAnd404Pages() throws Exception {
        Document index = Jsoup.parse(site.page("index.html"));
        assertEquals(List.of("ops", "postgres", "Other"), index.select("section.service-group h2").eachText());
        assertNotNull(index.selectFirst("a.runbook-link[href=db/primary-down.html]"));
        Document tag = Jsoup.parse(site.page("tags/database.html"));
        assertEquals("../db/primary-down.html", tag.selectFirst("a.runbook-link").attr("href"));
        Document status = Jsoup.parse(site.page("status.html"));
        assertEquals("db/primary-down.html", status.selectFirst("a.runbook-link").attr("href"), "overdue first");
        assertTrue(Files.isRegularFile(site.site().resolve("404.html")));
        assertTrue(Files.isRegularFile(site.site().resolve("assets/site.css")));
    }
}
