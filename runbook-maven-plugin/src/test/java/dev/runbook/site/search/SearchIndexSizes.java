package dev.runbook.site.search;

import dev.runbook.testing.RequiredTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Measures the index for docs/search.md (a tool, not a test): loads a folder of runbooks, repeats them
 * under {@code copyNN/} until there are {@code count} pages, writes the index, then runs queries through
 * search.js in Node and prints, per query, the files loaded and their raw and gzip bytes.
 *
 * <pre>java -cp runbook-maven-plugin/target/classes:runbook-maven-plugin/target/test-classes:$(cat cp.txt) \
 *   dev.runbook.site.search.SearchIndexSizes /work/shared/corpora 10000 /tmp/site "etcd backup" …</pre>
 */
public final class SearchIndexSizes {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path site = Path.of(args[2]);
        LoadedContent content = new ContentLoader().load(corpus);
        List<SearchDocument> docs = new ArrayList<>();
        for (int copy = 0; docs.size() < count; copy++) {
            for (Runbook r : content.runbooks()) {
                if (docs.size() == count) {
                    break;
                }
                docs.add(SearchDocuments.from(r, String.format("copy%02d/%s", copy, r.pagePath())));
            }
        }
        long start = System.nanoTime();
        List<String> files = new SearchIndexWriter().write(docs, site);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long raw = 0;
        long gz = 0;
        for (String f : files) {
            byte[] bytes = Files.readAllBytes(site.resolve(f));
            raw += bytes.length;
            gz += gzip(bytes);
        }
        System.out.printf("%d pages (%d distinct), %d files, %,d bytes raw, %,d bytes gzip, written in %d ms%n",
                docs.size(), content.runbooks().size(), files.size(), raw, gz, millis);
        System.out.printf("meta.js: %,d bytes raw, %,d gzip%n", Files.size(site.resolve("search/meta.js")),
                gzip(Files.readAllBytes(site.resolve("search/meta.js"))));

        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            queries.add(Map.of("q", args[i]));
        }
        Path requests = Files.createTempFile("requests", ".json");
        Files.writeString(requests, json.writeValueAsString(Map.of("queries", queries)));
        Path harness = Path.of(SearchIndexSizes.class.getClassLoader().getResource("dev/runbook/site/search/harness.js").toURI());
        Path searchJs = Path.of(SearchIndexSizes.class.getClassLoader().getResource("dev/runbook/theme/assets/search.js").toURI());
        Process p = new ProcessBuilder(RequiredTool.node().toString(), harness.toString(), searchJs.toString(), site.toString(), requests.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode out = json.readTree(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        p.waitFor();
        for (JsonNode answer : out.get("answers")) {
            long qRaw = 0;
            long qGz = 0;
            for (JsonNode f : answer.get("loads")) {
                byte[] bytes = Files.readAllBytes(site.resolve(f.asText()));
                qRaw += bytes.length;
                qGz += gzip(bytes);
            }
            JsonNode top = answer.path("results").path(0);
            System.out.printf("query %-28s %6d hits, %2d files, %,9d raw, %,8d gzip; top: %s %s%n",
                    '"' + answer.get("q").asText() + '"', answer.path("total").asInt(), answer.get("loads").size(),
                    qRaw, qGz, top.path("href").asText(), top.path("title").asText());
        }
        Files.delete(requests);
    }

    private static long gzip(byte[] bytes) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
