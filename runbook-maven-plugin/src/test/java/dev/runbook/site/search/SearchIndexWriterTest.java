package dev.runbook.site.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexWriterTest {

    private static final Pattern REGISTER = Pattern.compile("^window\\.RunbookSearch\\.register\\(\"([a-z0-9]+)\",(.*)\\);$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** part name → JSON of every register call in one file. */
    static Map<String, JsonNode> parts(Path file) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            Matcher m = REGISTER.matcher(line);
            assertTrue(m.matches(), "every line registers one part: " + line.substring(0, Math.min(80, line.length())));
            out.put(m.group(1), JSON.readTree(m.group(2)));
        }
        return out;
    }

    @Test
    void smallSiteGoesIntoOneFileWithEveryPart() throws IOException {
        List<String> written = new SearchIndexWriter().write(SearchFixtures.demo(), dir);
        assertEquals(List.of("search/meta.js"), written);
        Map<String, JsonNode> parts = parts(dir.resolve("search/meta.js"));
        assertEquals(List.of("meta", "facets", "d0", "p0", "t0"), new ArrayList<>(parts.keySet()));
        JsonNode meta = parts.get("meta");
        assertEquals("single", meta.get("layout").asText());
        assertEquals(5, meta.get("docs").asInt());
        assertEquals("[[\"P1\",2],[\"P2\",1],[\"P3\",1],[\"P4\",1]]", meta.at("/facets/severity").toString());
        assertEquals("[\"api\",1]", meta.at("/facets/service/0").toString());

        // Documents are sorted by url; the text record carries what a result shows.
        JsonNode texts = parts.get("t0");
        assertEquals("api/gateway-5xx-spike.html", texts.at("/0/0").asText());
        assertEquals("database/postgres-failover.html", texts.at("/1/0").asText());
        assertEquals("Postgres primary failover", texts.at("/1/1").asText());
        assertEquals("promote-the-replica", texts.at("/1/6/2/0").asText());

        // "failover": in the Postgres title (doc 1) and the gateway body (doc 0); the title weighs more.
        // (Porter2 stems "failover" to "failov".)
        int[] pairs = PostingsCodec.decode(parts.get("p0").get(SearchTokenizer.stem("failover")).asText());
        assertEquals(4, pairs.length);
        assertEquals(0, pairs[0]);
        assertEquals(1, pairs[2]);
        assertTrue(pairs[3] > 2 * pairs[1], "title impact " + pairs[3] + " vs body impact " + pairs[1]);
        assertTrue(!parts.get("p0").has("the"), "stop words stay out of the postings");

        JsonNode dict = parts.get("d0");
        List<String> terms = new ArrayList<>();
        dict.get("t").forEach(t -> terms.add(t.asText()));
        assertEquals(new ArrayList<>(new TreeSet<>(terms)), terms, "dictionary sorted, no duplicates");
        assertEquals(2, dict.get("f").get(terms.indexOf(SearchTokenizer.stem("failover"))).asInt());
        int[] p1 = PostingsCodec.decode(parts.get("facets").at("/severity/P1").asText());
        assertArrayEquals(new int[]{0, 1}, p1, "P1 docs 0 and 1 as gaps");
    }

    @Test
    void sameInputInAnyOrderGivesTheSameBytes() throws IOException {
        List<SearchDocument> docs = SearchFixtures.demoPlusSynthetic(1500);
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(7));
        List<String> a = new SearchIndexWriter().write(docs, dir.resolve("a"));
        List<String> b = new SearchIndexWriter().write(shuffled, dir.resolve("b"));
        assertEquals(a, b);
        assertTrue(a.size() > 10, "big enough to be split");
        for (String file : a) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void pastTheThresholdTheIndexIsShardedAndEveryShardIsThere() throws IOException {
        List<SearchDocument> docs = SearchFixtures.demoPlusSynthetic(3000);
        SearchIndexWriter.Limits limits = SearchIndexWriter.Limits.DEFAULT;
        List<String> written = new SearchIndexWriter().write(docs, dir);
        Map<String, JsonNode> metaParts = parts(dir.resolve("search/meta.js"));
        assertEquals(List.of("meta"), new ArrayList<>(metaParts.keySet()));
        JsonNode meta = metaParts.get("meta");
        assertEquals("split", meta.get("layout").asText());
        assertEquals(3005, meta.get("docs").asInt());

        List<String> expected = new ArrayList<>(List.of("search/meta.js", "search/facets.js"));
        for (String kind : List.of("dict", "post", "text")) {
            JsonNode bounds = meta.at("/shards/" + kind);
            assertTrue(bounds.size() > 1, kind + " is split");
            for (int i = 0; i < bounds.size(); i++) {
                expected.add("search/" + kind.charAt(0) + "/" + i + ".js");
            }
        }
        assertEquals(expected, written, "every shard named in meta is written, and nothing else");
        try (Stream<Path> files = Files.walk(dir.resolve("search"))) {
            assertEquals(written.size(), files.filter(Files::isRegularFile).count());
        }

        long total = 0;
        int docsSeen = 0;
        String previousLast = "";
        for (String file : written) {
            long size = Files.size(dir.resolve(file));
            total += size;
            Map<String, JsonNode> parts = parts(dir.resolve(file));
            assertEquals(1, parts.size(), file);
            String name = parts.keySet().iterator().next();
            JsonNode part = parts.get(name);
            if (name.startsWith("d")) {
                assertTrue(size < limits.dictShardBytes() + 2_000, file + " is " + size);
                String first = part.get("t").get(0).asText();
                assertEquals(meta.at("/shards/dict/" + name.substring(1)).asText(), first);
                assertTrue(first.compareTo(previousLast) > 0, "dictionary shards in order");
                previousLast = part.get("t").get(part.get("t").size() - 1).asText();
            } else if (name.startsWith("p") && part.size() > 1) {
                assertTrue(size < limits.postingsShardBytes() + 2_000, file + " is " + size);
            } else if (name.startsWith("t")) {
                assertEquals(meta.at("/shards/text/" + name.substring(1)).asInt(), docsSeen);
                docsSeen += part.size();
            }
        }
        assertEquals(3005, docsSeen);
        assertTrue(Files.size(dir.resolve("search/meta.js")) < 8_000, "meta stays small");
        assertTrue(total > limits.singleFileMaxBytes(), "total " + total);
    }

    /**
     * The writer builds the dictionary and postings shards by hand: every part of every file must be exactly
     * what Jackson (with the writer's settings) makes of the same data, terms that need escaping included.
     */
    @Test
    void everyPartIsWhatJacksonWouldWrite() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.demoPlusSynthetic(3000));
        docs.add(new SearchDocument("hostile.html", "Ünïcödé 日本語 naïve café \"quoted\" back\\slash", "",
                List.of("svc"), List.of("tag"), null,
                List.of(new SearchDocument.Section("", "Straße", "ﬁle \u2028 \u0007 control ü 𝔘 emoji 😀"))));
        List<String> written = new SearchIndexWriter().write(docs, dir);
        assertTrue(written.size() > 10, "split, so there are many dictionary and postings shards");
        ObjectMapper reader = new ObjectMapper();
        int partsChecked = 0;
        boolean sawEscapedTerm = false;
        for (String file : written) {
            for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.US_ASCII)) {
                Matcher m = REGISTER.matcher(line);
                assertTrue(m.matches(), file);
                String json = m.group(2);
                assertEquals(IndexedPage.toJson(reader.readValue(json, Object.class)), json, file + " " + m.group(1));
                sawEscapedTerm |= m.group(1).startsWith("d") && json.contains("\\u");
                partsChecked++;
            }
        }
        assertTrue(partsChecked > 10, "parts checked: " + partsChecked);
        assertTrue(sawEscapedTerm, "a dictionary term needed escaping, so the Jackson path of quote() ran");
    }

    @Test
    void quotedStringsAreJacksonsBytes() {
        List<String> samples = new ArrayList<>(List.of("", "plain", "a b", "quote\"", "back\\slash", "slash/", "del\u007f",
                "tab\t", "nl\n", "cr\r", "bs\b", "ff\f", "bell\u0007", "nul\u0000", "é", "日本", "😀", "\ud800", "~", " "));
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x90)));
            }
            samples.add(s.toString());
        }
        for (String sample : samples) {
            assertEquals(IndexedPage.toJson(sample), SearchIndexWriter.quote(sample), sample);
        }
    }

    @Test
    void outputIsAsciiAndRoundTripsHostileText() throws IOException {
        String title = "Quote \" backslash \\ </script><img src=x onerror=alert(1)> é \u2028 日本";
        SearchDocument doc = new SearchDocument("x.html", title, "", List.of("svc"), List.of(), null,
                List.of(new SearchDocument.Section("", "", "body")));
        new SearchIndexWriter().write(List.of(doc), dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("search/meta.js"));
        for (byte b : bytes) {
            assertTrue(b > 0, "ASCII only");
        }
        assertEquals(title, parts(dir.resolve("search/meta.js")).get("t0").at("/0/1").asText());
    }

    @Test
    void staleShardsOfAnEarlierBuildAreRemovedButPagesInSearchStay() throws IOException {
        // A content folder called search/ (the demo has search/reindex-procedure.md) shares the folder.
        Files.createDirectories(dir.resolve("search/p"));
        Files.writeString(dir.resolve("search/reindex-procedure.html"), "page");
        Files.writeString(dir.resolve("search/p/notes.html"), "page");
        new SearchIndexWriter().write(SearchFixtures.demoPlusSynthetic(1500), dir);
        assertTrue(Files.exists(dir.resolve("search/p/0.js")));
        new SearchIndexWriter().write(SearchFixtures.demo(), dir);
        try (Stream<Path> files = Files.walk(dir.resolve("search"))) {
            assertEquals(List.of("search/meta.js", "search/p/notes.html", "search/reindex-procedure.html"),
                    files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted().toList());
        }
    }

    @Test
    void anEmptySiteHasAnEmptyIndex() throws IOException {
        assertEquals(List.of("search/meta.js"), new SearchIndexWriter().write(List.of(), dir));
        Map<String, JsonNode> parts = parts(dir.resolve("search/meta.js"));
        assertEquals(0, parts.get("meta").get("docs").asInt());
        assertEquals("[]", parts.get("t0").toString());
    }

    @Test
    void longSectionsAreCutAtASpaceForExcerpts() {
        assertEquals("aaa bbb …", SearchIndexWriter.cut("aaa bbb ccc", 9));
        assertEquals("short", SearchIndexWriter.cut("short", 9));
    }
}
