package dev.runbook.site.search;

import dev.runbook.testing.RequiredTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Queries the generated index with the real {@code search.js} (the copy packaged into the plugin jar),
 * run by Node through {@code harness.js}, which loads index scripts the way a browser does.
 */
class SearchQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void nodeIsInstalled() {
        try {
            Process p = new ProcessBuilder(RequiredTool.node().toString(), "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !version.startsWith("v")) {
                fail("`node --version` did not work (" + version + "); install Node.js 18+ to run the search tests");
            }
        } catch (IOException | InterruptedException e) {
            fail("Node.js is needed to test search.js but it could not be started: " + e.getMessage()
                    + "; install Node.js 18+ (apt-get install nodejs) or set NODE to its executable");
        }
    }

    private static Path resource(String name) {
        URL url = SearchQueryTest.class.getClassLoader().getResource(name);
        if (url == null) {
            fail(name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the harness on a site folder; returns its JSON answer. */
    private JsonNode run(Path site, List<String> tokenize, List<Map<String, Object>> queries) throws Exception {
        ObjectNode requests = JSON.createObjectNode();
        requests.set("tokenize", JSON.valueToTree(tokenize));
        requests.set("queries", JSON.valueToTree(queries));
        return run(site, requests);
    }

    private JsonNode run(Path site, ObjectNode requests) throws Exception {
        Path file = Files.createTempFile(dir, "requests", ".json");
        Files.writeString(file, requests.toString());
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(RequiredTool.node().toString(), resource("dev/runbook/site/search/harness.js").toString(),
                resource("dev/runbook/theme/assets/search.js").toString(), site.toString(), file.toString())
                .redirectError(stderr.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "harness finished");
        assertEquals(0, p.exitValue(), "harness failed: " + Files.readString(stderr));
        return JSON.readTree(out);
    }

    private static Map<String, Object> q(String text) {
        return Map.of("q", text);
    }

    private static Map<String, Object> q(String text, String facet, String value) {
        return Map.of("q", text, "filters", Map.of(facet, value));
    }

    private static List<String> urls(JsonNode answer) {
        assertTrue(!answer.has("error"), answer.path("error").asText());
        List<String> out = new ArrayList<>();
        answer.get("results").forEach(r -> out.add(r.get("url").asText()));
        return out;
    }

    private static String first(JsonNode answer) {
        List<String> urls = urls(answer);
        assertTrue(!urls.isEmpty(), "no results for " + answer.get("q"));
        return urls.get(0);
    }

    private static final String POSTGRES = "database/postgres-failover.html";
    private static final String TLS = "edge/tls-certificate-expiry.html";
    private static final String GATEWAY = "api/gateway-5xx-spike.html";
    private static final String REFUND = "payments/refund-backlog.html";

    private static final List<Map<String, Object>> RANKING = List.of(
            q("Postgres primary failover"),
            q("failo"),
            q("postgres failovr"),
            q("certficate"),
            q("certificate"),
            q("backlog"),
            q("opstgres"),
            q("promote replica"),
            q("postgres zzzqqqxx"),
            q("certificate", "service", "payments"),
            q("", "severity", "P1"),
            q("failover", "tag", "failover"),
            q("5xx"),
            q("expiring soon"));

    private void assertRanking(List<JsonNode> a) {
        assertEquals(POSTGRES, first(a.get(0)), "exact title first");
        assertEquals(POSTGRES, first(a.get(1)), "prefix failo");
        assertEquals(POSTGRES, first(a.get(2)), "typo failovr");
        assertEquals(TLS, first(a.get(3)), "typo certficate");
        assertEquals(List.of(TLS, REFUND), urls(a.get(4)), "title beats body");
        assertEquals(List.of(REFUND, TLS), urls(a.get(5)), "title beats body");
        assertEquals(POSTGRES, first(a.get(6)), "swapped first letters");

        JsonNode promote = a.get(7).get("results").get(0);
        assertEquals(POSTGRES + "#promote-the-replica", promote.get("href").asText());
        assertEquals("Promote the replica", promote.get("heading").asText());
        List<String> marked = marked(promote.get("excerpt"));
        assertTrue(marked.contains("promote"), "highlighted: " + marked);

        assertEquals(POSTGRES, first(a.get(8)), "AND falls back to the best partial match");
        assertEquals(List.of(REFUND), urls(a.get(9)), "service filter");
        // Without a query, filtered pages come in url order (synthetic pages sort after the demo ones).
        assertEquals(List.of(GATEWAY, POSTGRES), urls(a.get(10)).subList(0, 2), "severity filter without a query");
        a.get(10).get("results").forEach(r -> assertEquals("P1", r.get("severity").asText()));
        assertEquals(List.of(POSTGRES), urls(a.get(11)), "tag filter");
        assertEquals(GATEWAY, first(a.get(12)), "5xx is a token");
        assertEquals(TLS, first(a.get(13)), "parts of the camel-case CertificateExpiringSoon");
        assertEquals(List.of("CertificateExpiringSoon"), marked(a.get(13).at("/results/0/excerpt")),
                "the camel-case word is highlighted");
    }

    /** The highlighted pieces of an excerpt ([[text, isHit], ...]). */
    private static List<String> marked(JsonNode excerpt) {
        List<String> out = new ArrayList<>();
        excerpt.forEach(piece -> {
            if (piece.get(1).asBoolean()) {
                out.add(piece.get(0).asText());
            }
        });
        return out;
    }

    private static List<JsonNode> answers(JsonNode out) {
        List<JsonNode> list = new ArrayList<>();
        out.get("answers").forEach(list::add);
        return list;
    }

    @Test
    void rankingOnASmallSite() throws Exception {
        new SearchIndexWriter().write(SearchFixtures.demo(), dir.resolve("site"));
        List<JsonNode> a = answers(run(dir.resolve("site"), List.of(), RANKING));
        assertRanking(a);
        assertEquals("[\"search/meta.js\"]", a.get(0).get("loads").toString(), "one file answers everything");
        for (JsonNode answer : a.subList(1, a.size())) {
            assertEquals(0, answer.get("loads").size(), "nothing loaded twice");
        }
    }

    @Test
    void linksAreRelativePathsEvenForOddFileNames() throws Exception {
        List<SearchDocument> docs = List.of(
                new SearchDocument("javascript:window.pwned=1;//x.html", "Odd scheme page", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("run-it", "Run it", "oddity"))),
                new SearchDocument("dir/a b#c?.html", "Odd name page", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "oddity"))));
        new SearchIndexWriter().write(docs, dir.resolve("site"));
        JsonNode answer = answers(run(dir.resolve("site"), List.of(), List.of(q("oddity")))).get(0);
        List<String> hrefs = new ArrayList<>();
        answer.get("results").forEach(r -> hrefs.add(r.get("href").asText()));
        assertEquals(List.of("dir/a%20b%23c%3F.html", "javascript%3Awindow.pwned%3D1%3B//x.html#run-it"), hrefs);
    }

    @Test
    void assetsAreAsciiSoAnyPageCharsetReadsThemRight() throws IOException {
        for (String asset : List.of("search.js", "search.css")) {
            byte[] bytes = Files.readAllBytes(resource("dev/runbook/theme/assets/" + asset));
            for (int i = 0; i < bytes.length; i++) {
                assertTrue(bytes[i] > 0, asset + " has a non-ASCII byte at " + i);
            }
        }
    }

    @Test
    void javaAndJavaScriptTokenizeAlike() throws Exception {
        new SearchIndexWriter().write(SearchFixtures.demo(), dir.resolve("site"));
        List<String> samples = List.of("API-Gateway: 5xx spike (P1)", "alerts replicas policies addresses status analysis",
                "Café ﬁle Größe 日本語 cafe\u0301", "kubectl -n postgres exec harbor-main-1 -- patronictl failover",
                "commit 3f9a0c2d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0aaaaa 12345678 123456789", "ΟΔΟΣ Straße İstanbul ΟΔΟΣ.Α",
                "k8s_pods.are/down: `curl -fsS https://x.example/health?x=1`");
        JsonNode tokens = run(dir.resolve("site"), samples, List.of()).get("tokens");
        for (int i = 0; i < samples.size(); i++) {
            List<String> js = new ArrayList<>();
            tokens.get(i).forEach(t -> js.add(t.asText()));
            assertEquals(SearchTokenizer.terms(samples.get(i)), js, samples.get(i));
        }
    }

    @Test
    void shardedIndexAnswersLikeTheSingleFileAndLoadsOnlyWhatItNeeds() throws Exception {
        List<SearchDocument> docs = SearchFixtures.demoPlusSynthetic(3000);
        Path split = dir.resolve("split");
        Path single = dir.resolve("single");
        List<String> splitFiles = new SearchIndexWriter().write(docs, split);
        var d = SearchIndexWriter.Limits.DEFAULT;
        new SearchIndexWriter(new SearchIndexWriter.Limits(Integer.MAX_VALUE, d.dictShardBytes(), d.postingsShardBytes(),
                d.textShardBytes(), d.maxSectionChars())).write(docs, single);
        assertTrue(splitFiles.size() > 50, "split into " + splitFiles.size() + " files");

        // Queries on synthetic words too: a title word, and a typo of it.
        String word = docs.get(5).title().split(" ")[1];
        String typo = word.substring(0, 2) + word.substring(3);
        List<Map<String, Object>> queries = new ArrayList<>(RANKING);
        queries.add(q(word));
        queries.add(q(word.substring(0, 3)));
        queries.add(q(typo));
        queries.add(q(word, "service", "beta"));

        List<JsonNode> splitAnswers = answers(run(split, List.of(), queries));
        List<JsonNode> singleAnswers = answers(run(single, List.of(), queries));
        assertRanking(splitAnswers);
        for (int i = 0; i < queries.size(); i++) {
            ObjectNode s = ((ObjectNode) splitAnswers.get(i).deepCopy());
            ObjectNode o = ((ObjectNode) singleAnswers.get(i).deepCopy());
            s.remove("loads");
            o.remove("loads");
            assertEquals(o, s, "same answer for " + queries.get(i));
        }
        assertTrue(splitAnswers.get(queries.size() - 4).get("total").asInt() >= 1, "synthetic word found");

        JsonNode firstLoads = splitAnswers.get(0).get("loads");
        assertEquals("search/meta.js", firstLoads.get(0).asText());
        long bytes = 0;
        for (JsonNode f : firstLoads) {
            bytes += Files.size(split.resolve(f.asText()));
        }
        assertTrue(firstLoads.size() <= 20, "first query loaded " + firstLoads);
        assertTrue(bytes < 200_000, "first query loaded " + bytes + " bytes: " + firstLoads);
        int loadedTotal = 0;
        for (JsonNode answer : splitAnswers) {
            ArrayNode loads = (ArrayNode) answer.get("loads");
            assertTrue(loads.size() <= 25, answer.get("q") + " loaded " + loads);
            loadedTotal += loads.size();
            loads.forEach(f -> assertTrue(splitFiles.contains(f.asText()), "loads only written files: " + f));
        }
        assertTrue(loadedTotal < splitFiles.size() / 2, loadedTotal + " of " + splitFiles.size() + " files loaded");
        boolean facetsLoaded = false;
        for (JsonNode answer : splitAnswers.subList(0, 9)) {
            facetsLoaded |= answer.get("loads").toString().contains("facets");
        }
        assertTrue(!facetsLoaded, "facets are loaded only when a filter is used");
    }

    @Test
    void javaAndJavaScriptStemEveryWordOfTwoRealCorporaAlike() throws Exception {
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(resource("dev/runbook/site/search/stemmer-words.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                words.add(line.strip());
            }
        }
        assertTrue(words.size() > 5000, words.size() + " words");
        new SearchIndexWriter().write(List.of(), dir.resolve("site"));
        ObjectNode requests = JSON.createObjectNode();
        requests.set("stem", JSON.valueToTree(words));
        JsonNode stems = run(dir.resolve("site"), requests).get("stems");
        List<String> differ = new ArrayList<>();
        int changed = 0;
        for (int i = 0; i < words.size(); i++) {
            String java = SearchTokenizer.stem(words.get(i));
            changed += java.equals(words.get(i)) ? 0 : 1;
            if (!java.equals(stems.get(i).asText())) {
                differ.add(words.get(i) + ": Java " + java + ", JavaScript " + stems.get(i).asText());
            }
        }
        assertEquals(List.of(), differ);
        assertTrue(changed > words.size() / 3, "the stemmer changed " + changed + " of " + words.size() + " words");
    }

    private static SearchDocument page(String url, String title, String headings, String body) {
        return new SearchDocument(url, title, "", List.of(), List.of(), null,
                List.of(new SearchDocument.Section("", "", body), new SearchDocument.Section("more", headings, "")));
    }

    private static Map<String, Object> q(String text, Map<String, Object> options) {
        return Map.of("q", text, "options", options);
    }

    @Test
    void questionsFindThePageThatAnswersThemAndWordFormsMeet() throws Exception {
        List<SearchDocument> docs = new ArrayList<>(List.of(
                page("payments/restart.html", "Restart the payments worker", "Rolling restart",
                        "Scale the payments worker down and up again. The worker restarts in a minute."),
                page("faq/how.html", "How we write runbooks", "What to do when in doubt",
                        "How do I write a runbook? What do I do when I am not sure which page to change? Ask here."),
                page("network/blocked.html", "Egress blocked by a network policy", "Blocked connections",
                        "Outbound connections are blocked; restoration means restoring the previous policy."),
                page("misc/download.html", "Download the logs", "Downloads",
                        "Download logs with the download script.")));
        for (int i = 0; i < 30; i++) {
            docs.add(page("filler/" + i + ".html", "Filler " + i, "Notes", "The node went down at night " + i + "."));
        }
        docs.add(page("nodes/down.html", "Node down", "Node is down", "A node is down: cordon and drain it."));
        new SearchIndexWriter().write(docs, dir.resolve("site"));
        List<JsonNode> a = answers(run(dir.resolve("site"), List.of(), List.of(
                q("how do I restart the payments worker"),
                q("what should I do when egress is blocking"),
                q("restore policy "),
                q("node down"),
                q("node down", Map.of("typing", false)),
                q("downl"))));
        assertEquals("payments/restart.html", first(a.get(0)), "question words barely count");
        assertEquals("network/blocked.html", first(a.get(1)), "blocking meets blocked");
        assertEquals("network/blocked.html", first(a.get(2)), "restore meets restoration and restoring");
        assertEquals("nodes/down.html", first(a.get(3)), "a whole word being typed beats its longer prefixes");
        assertTrue(!urls(a.get(3)).subList(0, 3).contains("misc/download.html"), urls(a.get(3)).toString());
        assertTrue(!urls(a.get(4)).contains("misc/download.html"), "no prefix once the word is finished");
        assertEquals("misc/download.html", first(a.get(5)), "prefix while typing");
    }

    @Test
    void aPastedAlertNameLongerThanAnyIndexedWordFindsItsPage() throws Exception {
        String alert = "KubePersistentVolumeInodesFillingUpPredictedSoonX"; // 49 characters
        assertEquals(49, alert.length());
        List<SearchDocument> docs = List.of(
                new SearchDocument("alerts/" + alert + ".html", alert, "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "Inodes on a persistent volume run out soon.")),
                        SearchDocuments.alertName("alerts/" + alert + ".md"), null, false),
                page("alerts/volume.html", "KubePersistentVolumeFillingUp", "Volume", "A persistent volume is filling up."),
                page("alerts/inodes.html", "NodeFilesystemFilesFillingUp", "Inodes", "Inodes are filling up on a node."));
        new SearchIndexWriter().write(docs, dir.resolve("site"));
        List<JsonNode> a = answers(run(dir.resolve("site"), List.of(), List.of(q(alert), q(alert + " "),
                q("kube_persistent_volume_inodes_filling_up"))));
        assertEquals("alerts/" + alert + ".html", first(a.get(0)), "pasted, last word still 'typed'");
        assertEquals("alerts/" + alert + ".html", first(a.get(1)), "pasted and finished");
        assertEquals("alerts/" + alert + ".html", first(a.get(2)), "snake_case words are words");
    }

    @Test
    void fieldsWeighTitleThenHeadingsThenAlertNameThenBody() throws Exception {
        List<SearchDocument> docs = List.of(
                new SearchDocument("d/body.html", "Page one", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "Mentions zephyrdrift once.")), "", null, false),
                new SearchDocument("c/alert.html", "Page two", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "Nothing here.")), "ZephyrdriftAlert", null, false),
                new SearchDocument("b/heading.html", "Page three", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("z", "Zephyrdrift", "Nothing here.")), "", null, false),
                new SearchDocument("a/title.html", "Zephyrdrift", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "Nothing here.")), "", null, false));
        new SearchIndexWriter().write(docs, dir.resolve("site"));
        JsonNode answer = answers(run(dir.resolve("site"), List.of(), List.of(q("zephyrdrift ")))).get(0);
        assertEquals(List.of("a/title.html", "b/heading.html", "c/alert.html", "d/body.html"), urls(answer));
    }

    @Test
    void aTypoCorrectionIsReportedWithTheWordAsPagesSpellItAndCanBeTurnedOff() throws Exception {
        new SearchIndexWriter().write(SearchFixtures.demo(), dir.resolve("site"));
        List<JsonNode> a = answers(run(dir.resolve("site"), List.of(), List.of(
                q("postgres failovr "), q("postgres failovr ", Map.of("exact", true)), q("postgres failover "))));
        assertEquals(POSTGRES, first(a.get(0)));
        assertEquals("postgres failover ", a.get(0).at("/corrected/text").asText());
        assertEquals("postgres failovr ", a.get(0).at("/corrected/original").asText());
        assertTrue(a.get(1).get("corrected").isNull(), "exact: no correction");
        assertTrue(!urls(a.get(1)).isEmpty(), "exact still finds postgres");
        assertTrue(a.get(2).get("corrected").isNull(), "nothing to correct");
    }

    @Test
    void statusIsInResultsAndFilters() throws Exception {
        List<SearchDocument> docs = List.of(
                new SearchDocument("a.html", "Disk full on alpha", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "disk")), "", "failing", false),
                new SearchDocument("b.html", "Disk full on beta", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "disk")), "", "verified", true),
                new SearchDocument("c.html", "Disk full on gamma", "", List.of(), List.of(), null,
                        List.of(new SearchDocument.Section("", "", "disk")), "", "unverified", false));
        new SearchIndexWriter().write(docs, dir.resolve("site"));
        List<JsonNode> a = answers(run(dir.resolve("site"), List.of(), List.of(
                q("disk", "status", "verified"), q("disk", "status", "overdue"), q("", "status", "failing"), q("disk"))));
        assertEquals(List.of("b.html"), urls(a.get(0)));
        assertEquals(List.of("b.html"), urls(a.get(1)));
        assertEquals(List.of("a.html"), urls(a.get(2)));
        assertEquals("failing", a.get(3).at("/results/0/status").asText() + "", "status of " + urls(a.get(3)));
        a.get(3).get("results").forEach(r -> assertEquals(r.get("url").asText().equals("b.html"), r.get("overdue").asBoolean()));
    }

    @Test
    void hrefsAreEncodedOnceFromThePagePath() throws Exception {
        List<SearchDocument> docs = List.of(new SearchDocument("dir/a b+c#d \u00e9t\u00e9.html", "Odd oddity", "", List.of(),
                List.of(), null, List.of(new SearchDocument.Section("h\u00e9", "H\u00e9", "oddity"))));
        new SearchIndexWriter().write(docs, dir.resolve("site"));
        JsonNode r = answers(run(dir.resolve("site"), List.of(), List.of(q("oddity")))).get(0).at("/results/0");
        assertEquals("dir/a%20b%2Bc%23d%20%C3%A9t%C3%A9.html#h%C3%A9", r.get("href").asText());
        assertEquals(java.net.URI.create("file:///site/" + r.get("href").asText()).getPath(), "/site/dir/a b+c#d \u00e9t\u00e9.html",
                "decodes to the file's own name");
    }

    @Test
    void aSupersededQueryStopsLoadingShards() throws Exception {
        var d = SearchIndexWriter.Limits.DEFAULT;
        new SearchIndexWriter(new SearchIndexWriter.Limits(1, 200, 400, 200, d.maxSectionChars()))
                .write(SearchFixtures.demo(), dir.resolve("site"));
        List<JsonNode> a = answers(run(dir.resolve("site"), List.of(), List.of(
                q("certificate expiry", Map.of("supersededAfterLoads", 1)), q("certificate expiry"))));
        assertEquals("superseded", a.get(0).get("error").asText());
        assertEquals(1, a.get(0).get("loads").size(), "stopped after " + a.get(0).get("loads"));
        assertEquals(TLS, first(a.get(1)));
        assertTrue(a.get(1).get("loads").toString().contains("search/t/"), "the query that counts loads text shards");
    }

    @Test
    void aTypoIsMatchedAgainstStemsThroughItsOneEditSpellings() throws Exception {
        new SearchIndexWriter().write(List.of(
                page("k/scheduler.html", "Kube scheduler down", "Scheduler", "The scheduler is not running."),
                page("k/schedule.html", "Backup schedule", "Cron", "When backups run.")), dir.resolve("site"));
        // "schedluer" is one swap from "scheduler", but two edits from its stem "schedul".
        JsonNode answer = answers(run(dir.resolve("site"), List.of(), List.of(q("schedluer down ")))).get(0);
        assertEquals("k/scheduler.html", first(answer));
        assertEquals("scheduler down ", answer.at("/corrected/text").asText());
    }
}
