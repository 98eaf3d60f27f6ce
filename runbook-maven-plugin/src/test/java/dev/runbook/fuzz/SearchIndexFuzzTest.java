package dev.runbook.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.site.search.SearchDocument;
import dev.runbook.site.search.SearchIndexWriter;
import dev.runbook.site.search.SearchTokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz target for the search index writer and its reader's contract: whatever text the pages hold, every
 * file is plain ASCII made only of {@code window.RunbookSearch.register("<part>", <json>);} lines whose
 * JSON parses, and every document comes back with its url and title intact. The reader (search.js)
 * relies on exactly that shape; a page title that could end the call early would be script injection.
 */
class SearchIndexFuzzTest {

    private static final Pattern CALL = Pattern.compile("window\\.RunbookSearch\\.register\\(\"([a-z0-9]+)\",(.*)\\);");
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void writerOutputReadsBack(FuzzedDataProvider data) throws IOException {
        int count = data.consumeInt(1, 4);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = data.consumeString(60);
            String heading = data.consumeString(40);
            docs.add(new SearchDocument("page-" + i + ".html", title, data.consumeString(60),
                    List.of(data.consumeString(20)), List.of(data.consumeString(20)), data.consumeBoolean() ? "P1" : null,
                    List.of(new SearchDocument.Section("", "", data.consumeString(200)),
                            new SearchDocument.Section("s", heading, data.consumeString(200)))));
        }
        Path site = Files.createTempDirectory("fuzz-search");
        try {
            new SearchIndexWriter().write(docs, site);
            List<String> titles = new ArrayList<>();
            try (Stream<Path> files = Files.walk(site)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    for (byte b : bytes) {
                        assertTrue(b >= 0, file + " is not ASCII");
                    }
                    for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
                        Matcher call = CALL.matcher(line);
                        assertTrue(call.matches(), "not a register call: " + line);
                        JsonNode value = JSON.readTree(call.group(2));
                        if (call.group(1).startsWith("t")) {
                            value.forEach(doc -> titles.add(doc.get(1).asText()));
                        }
                    }
                }
            }
            assertEquals(docs.stream().map(SearchDocument::title).sorted().toList(), titles.stream().sorted().toList());
            docs.forEach(doc -> SearchTokenizer.terms(doc.title()).forEach(term -> assertTrue(!term.isEmpty())));
        } finally {
            try (Stream<Path> files = Files.walk(site)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
