package dev.runbook.site.search;

import dev.runbook.model.RunbookSeverity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the search index of a site under {@code search/}, as JavaScript files that the browser loads
 * with {@code <script>} tags (fetch() of {@code file://} URLs is blocked, script tags are not). Every
 * file is one or more calls {@code window.RunbookSearch.register("<part>", <json>);} and
 * {@code templates/assets/search.js} reads them. Output is deterministic: documents are sorted by url,
 * maps by key, and nothing depends on time or hashing order.
 *
 * <h2>Parts</h2>
 * <ul>
 * <li>{@code meta}: {@code format} (2), {@code layout} ({@code "single"} or {@code "split"}),
 *   {@code docs} (count N), {@code stop} (the stop words, see {@link SearchTokenizer#STOP_WORDS}),
 *   {@code weak} (question words counted low, see {@link SearchTokenizer#WEAK_WORDS}),
 *   {@code shards}: {@code dict} and {@code post} = first term of each dictionary / postings shard
 *   (a term lives in the last shard whose first term is ≤ it, in UTF-16 order), {@code text} = first doc
 *   id of each text shard; {@code facets}: {@code service}, {@code tag}, {@code severity}, {@code status} →
 *   {@code [[name, count], …]} for the filter controls.</li>
 * <li>{@code d<i>} dictionary shard: {@code {"t": [terms sorted], "f": [document frequency]}}. Lets the
 *   reader expand prefixes and find one-edit typo candidates without loading any postings.</li>
 * <li>{@code p<i>} postings shard: {@code {term: postings}}; postings are a {@link PostingsCodec} string
 *   of pairs (doc-id gap, impact). The impact is the term's precomputed BM25 score in the document,
 *   fields weighted title 6, headings 2.5, alert name 2, body 1 (see {@link InvertedIndex}), × 4, rounded.</li>
 * <li>{@code t<i>} text shard: documents {@code text[i]} … {@code text[i+1]-1}, each
 *   {@code [url, title, description, [services], severity|null, [tags], [[anchor, heading, text], …],
 *   status|null, overdue]}; {@code url} is the page's path, not percent-encoded;
 *   section text is cut at {@link Limits#maxSectionChars()} chars. Loaded only for results on screen.</li>
 * <li>{@code facets}: {@code {"service"|"tag"|"severity"|"status": {name: doc ids (PostingsCodec gaps)}}};
 *   status names are {@code failing}, {@code unverified}, {@code verified} and {@code overdue}.
 *   Loaded only when a filter is used.</li>
 * </ul>
 *
 * <h2>Files</h2>
 * When all parts together are at most {@link Limits#singleFileMaxBytes()}, everything goes into
 * {@code search/meta.js}: one request answers every query. Past that, {@code meta.js} holds only meta
 * and the parts are split: {@code search/facets.js}, {@code search/d/<i>.js}, {@code search/p/<i>.js},
 * {@code search/t/<i>.js}, each shard filled up to a target size in sorted order. A query then loads
 * meta, the dictionary shards of its terms' first letters, the postings shards of the matching terms
 * and the text shards of the results it shows. Non-ASCII characters are written as JSON escapes, so
 * the files read the same whatever charset the browser assumes.
 */
public final class SearchIndexWriter {

    /**
     * Size knobs. Bytes are chars of JSON, which is ASCII.
     *
     * @param singleFileMaxBytes up to this total, one file
     * @param dictShardBytes     target size of a dictionary shard
     * @param postingsShardBytes target size of a postings shard (one huge term may exceed it alone)
     * @param textShardBytes     target size of a text shard (one huge page may exceed it alone)
     * @param maxSectionChars    section text kept for excerpts (the postings see all of it)
     */
    public record Limits(int singleFileMaxBytes, int dictShardBytes, int postingsShardBytes, int textShardBytes,
                         int maxSectionChars) {
        public static final Limits DEFAULT = new Limits(500_000, 8_000, 16_000, 8_000, 4_000);
    }

    private static final String FOLDER = "search";

    private final Limits limits;

    public SearchIndexWriter() {
        this(Limits.DEFAULT);
    }

    public SearchIndexWriter(Limits limits) {
        this.limits = limits;
    }

    /** Writes the index for these documents; returns the written files relative to siteRoot, '/'-separated. */
    public List<String> write(List<SearchDocument> docs, Path siteRoot) throws IOException {
        return writePages(docs.parallelStream().map(doc -> IndexedPage.of(doc, limits.maxSectionChars())).toList(),
                siteRoot).files();
    }

    /**
     * What {@link #writePages} did: every file of the index (relative to the site root, '/'-separated, meta.js
     * first), and how many of them it had to write because the folder did not hold them with these bytes.
     */
    public record Written(List<String> files, int rewritten, long layoutMillis) {
    }

    /**
     * Writes the index for these pages over whatever index the folder holds: a file that already has the
     * bytes it would get is left as it is (the staging copy of an incremental build links the previous
     * site's files), a file with other bytes is deleted and written anew (never written through: it may be a
     * hard link to the live site's file), and index files the new index does not have are deleted. So the
     * result is always exactly the index a clean build writes, and an edit rewrites only the shards it changes.
     */
    public Written writePages(List<IndexedPage> pages, Path siteRoot) throws IOException {
        List<IndexedPage> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparing(p -> p.url));
        long start = System.nanoTime();
        Map<String, StringBuilder> files = layOut(sorted);
        long layoutMillis = (System.nanoTime() - start) / 1_000_000;
        for (String old : ownFiles(siteRoot)) {
            if (!files.containsKey(old)) {
                Files.delete(siteRoot.resolve(old));
            }
        }
        List<String> written = new ArrayList<>(files.keySet());
        int rewritten = 0;
        for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
            Path target = siteRoot.resolve(file.getKey());
            byte[] bytes = file.getValue().toString().getBytes(StandardCharsets.US_ASCII);
            if (holds(target, bytes)) {
                continue;
            }
            Files.deleteIfExists(target);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            rewritten++;
        }
        return new Written(written, rewritten, layoutMillis);
    }

    /** Whether {@code file} is a regular file (not a link to one) with exactly these bytes. */
    private static boolean holds(Path file, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != bytes.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(file), bytes);
    }

    /** Every file's content by relative path, meta.js first; documents already sorted by url. */
    private Map<String, StringBuilder> layOut(List<IndexedPage> sorted) {
        InvertedIndex index = InvertedIndex.fromCounts(sorted.stream().map(p -> p.terms).toList());
        List<Entry> dict = new ArrayList<>();
        List<Entry> post = new ArrayList<>();
        // The costly strings are made on all cores, the lists in order.
        String[] postings = java.util.stream.IntStream.range(0, index.terms.length).parallel()
                .mapToObj(i -> InvertedIndex.encode(index.postings[i])).toArray(String[]::new);
        String[] quotedTerms = java.util.Arrays.stream(index.terms).parallel().map(SearchIndexWriter::quote)
                .toArray(String[]::new);
        // An entry's value is the term's number in the index (its df and postings are looked up by it).
        for (int i = 0; i < index.terms.length; i++) {
            String term = index.terms[i];
            long hash = boundaryHash(term);
            dict.add(new Entry(term, i, term.length() + 8, hash));
            post.add(new Entry(term, i, term.length() + postings[i].length() + 6, hash));
        }
        List<Entry> text = new ArrayList<>();
        // Serialized once: the shard is these strings joined, as Jackson writes a list (no spaces).
        String[] textRecords = sorted.parallelStream().map(SearchIndexWriter::textRecord).toArray(String[]::new);
        for (int d = 0; d < sorted.size(); d++) {
            String record = textRecords[d];
            text.add(new Entry(d, record, record.length() + 1, boundaryHash(sorted.get(d).url)));
        }
        // The facets' document lists, grouped once for both the facets part and meta's counts, serialized once.
        Map<String, Map<String, List<Integer>>> facetIds = facetIds(sorted);
        String facetsJson = toJson(facetLists(facetIds));

        long total = facetsJson.length() + sum(dict) + sum(post) + sum(text);
        boolean single = total <= limits.singleFileMaxBytes();
        List<List<Entry>> dictShards = pack(dict, single ? Integer.MAX_VALUE : limits.dictShardBytes());
        List<List<Entry>> postShards = pack(post, single ? Integer.MAX_VALUE : limits.postingsShardBytes());
        List<List<Entry>> textShards = pack(text, single ? Integer.MAX_VALUE : limits.textShardBytes());

        Map<String, Object> shards = new LinkedHashMap<>();
        shards.put("dict", firstKeys(dictShards, ""));
        shards.put("post", firstKeys(postShards, ""));
        shards.put("text", firstKeys(textShards, 0));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", 2);
        meta.put("layout", single ? "single" : "split");
        meta.put("docs", sorted.size());
        meta.put("stop", SearchTokenizer.STOP_WORDS);
        meta.put("weak", SearchTokenizer.WEAK_WORDS);
        meta.put("shards", shards);
        meta.put("facets", facetCounts(facetIds));

        // Small sites: every part goes into meta.js. Large ones: one file per part.
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        StringBuilder metaFile = new StringBuilder(register("meta", meta));
        files.put("search/meta.js", metaFile);
        Function<String, StringBuilder> fileOf =
                path -> single ? metaFile : files.computeIfAbsent(path, p -> new StringBuilder());
        fileOf.apply("search/facets.js").append(registerJson("facets", facetsJson));
        // The dictionary and postings shards are thousands of small JSON objects of terms: written here from
        // each term's quoted form, made once, rather than by Jackson from a map per shard (the same bytes: see
        // SearchIndexWriterTest; at 10,064 pages that was a third of laying out the index).
        for (int i = 0; i < dictShards.size(); i++) {
            StringBuilder part = new StringBuilder("{\"t\":[");
            List<Entry> shard = dictShards.get(i);
            for (int e = 0; e < shard.size(); e++) {
                part.append(e > 0 ? "," : "").append(quotedTerms[(Integer) shard.get(e).value()]);
            }
            part.append("],\"f\":[");
            for (int e = 0; e < shard.size(); e++) {
                part.append(e > 0 ? "," : "").append(index.documentFrequency((Integer) shard.get(e).value()));
            }
            fileOf.apply("search/d/" + i + ".js").append(registerJson("d" + i, part.append("]}").toString()));
        }
        for (int i = 0; i < postShards.size(); i++) {
            StringBuilder part = new StringBuilder("{");
            List<Entry> shard = postShards.get(i);
            for (int e = 0; e < shard.size(); e++) {
                int term = (Integer) shard.get(e).value();
                // Postings are digits of PostingsCodec.ALPHABET: nothing to escape.
                part.append(e > 0 ? "," : "").append(quotedTerms[term]).append(":\"").append(postings[term]).append('"');
            }
            fileOf.apply("search/p/" + i + ".js").append(registerJson("p" + i, part.append('}').toString()));
        }
        // Text shards hold most of the index's bytes: each is written straight into its file, the records
        // joined as Jackson writes a list (no spaces), with no intermediate copy of the shard.
        for (int i = 0; i < textShards.size(); i++) {
            StringBuilder file = fileOf.apply("search/t/" + i + ".js").append(registerPrefix("t" + i)).append('[');
            List<Entry> shard = textShards.get(i);
            for (int e = 0; e < shard.size(); e++) {
                file.append(e > 0 ? "," : "").append((String) shard.get(e).value());
            }
            file.append(']').append(REGISTER_SUFFIX);
        }
        return files;
    }

    /**
     * The index files an earlier build left, relative to the site root. Only our own names: the folder is
     * shared with pages of a content folder called {@code search/} (the demo has one), whose files are
     * {@code .html} and so never clash with ours.
     */
    private static List<String> ownFiles(Path siteRoot) throws IOException {
        Path folder = siteRoot.resolve(FOLDER);
        List<String> own = new ArrayList<>();
        for (String name : List.of("meta.js", "facets.js")) {
            if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                own.add(FOLDER + "/" + name);
            }
        }
        for (String kind : List.of("d", "p", "t")) {
            Path shards = folder.resolve(kind);
            if (Files.isDirectory(shards, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.list(shards)) {
                    files.map(f -> f.getFileName().toString()).filter(f -> SHARD_FILE.matcher(f).matches()).sorted()
                            .forEach(f -> own.add(FOLDER + "/" + kind + "/" + f));
                }
            }
        }
        return own;
    }

    /**
     * Whether a path of the site ('/'-separated, relative to its root) is one the index writes: the build
     * leaves those to {@link #writePages}, which keeps the ones whose bytes do not change.
     */
    public static boolean isIndexFile(String path) {
        return path.equals("search/meta.js") || path.equals("search/facets.js")
                || OWN_SHARD.matcher(path).matches();
    }

    private static final Pattern OWN_SHARD = Pattern.compile("search/[dpt]/[0-9]+\\.js");

    private static final Pattern SHARD_FILE = Pattern.compile("[0-9]+\\.js");

    /**
     * The page's text record as JSON, byte for byte what Jackson makes of {@code [url, title, description,
     * [services], severity, [tags], sections, status, overdue]} with the writer's settings; its sections were
     * serialized once (maybe in an earlier build). Written by hand: 10,000 Jackson serializations were a
     * quarter of laying out the index after a one-page edit.
     */
    private static String textRecord(IndexedPage page) {
        StringBuilder out = new StringBuilder(page.sectionsJson.length() + 256).append('[');
        out.append(quote(page.url)).append(',').append(quoteOrNull(page.title)).append(',')
                .append(quoteOrNull(page.description)).append(',');
        appendList(out, page.services);
        out.append(',').append(quoteOrNull(page.severity)).append(',');
        appendList(out, page.tags);
        return out.append(',').append(page.sectionsJson).append(',').append(quoteOrNull(page.status)).append(',')
                .append(page.overdue).append(']').toString();
    }

    private static String quoteOrNull(String value) {
        return value == null ? "null" : quote(value);
    }

    private static void appendList(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i > 0 ? "," : "").append(quoteOrNull(values.get(i)));
        }
        out.append(']');
    }

    /** Cuts at a space so an excerpt never ends in half a word. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        return text.substring(0, space > max / 2 ? space : max) + " …";
    }

    private static Map<String, Object> facetLists(Map<String, Map<String, List<Integer>>> ids) {
        Map<String, Object> out = new LinkedHashMap<>();
        ids.forEach((facet, byName) -> {
            Map<String, String> encoded = new LinkedHashMap<>();
            byName.forEach((name, list) ->
                    encoded.put(name, PostingsCodec.encodeDocs(list.stream().mapToInt(Integer::intValue).toArray())));
            out.put(facet, encoded);
        });
        return out;
    }

    private static Map<String, Object> facetCounts(Map<String, Map<String, List<Integer>>> ids) {
        Map<String, Object> out = new LinkedHashMap<>();
        ids.forEach((facet, byName) -> out.put(facet,
                byName.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue().size())).toList()));
        return out;
    }

    /** The status filter's values, in the order a reader looks for them: what needs attention first. */
    private static final List<String> STATUSES = List.of("failing", "unverified", "verified", "overdue");

    /** facet → value → sorted doc ids; values sorted by name, severities P0..P4, statuses as above. */
    private static Map<String, Map<String, List<Integer>>> facetIds(List<IndexedPage> docs) {
        Map<String, List<Integer>> services = new TreeMap<>();
        Map<String, List<Integer>> tags = new TreeMap<>();
        Map<String, List<Integer>> severities = new TreeMap<>(Comparator.comparing(RunbookSeverity::valueOf));
        Map<String, List<Integer>> statuses = new TreeMap<>(Comparator.comparing(STATUSES::indexOf));
        for (int d = 0; d < docs.size(); d++) {
            IndexedPage doc = docs.get(d);
            for (String s : doc.services.stream().distinct().toList()) {
                services.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
            }
            for (String t : doc.tags.stream().distinct().toList()) {
                tags.computeIfAbsent(t, k -> new ArrayList<>()).add(d);
            }
            if (doc.severity != null) {
                severities.computeIfAbsent(doc.severity, k -> new ArrayList<>()).add(d);
            }
            if (doc.status != null && STATUSES.contains(doc.status)) {
                statuses.computeIfAbsent(doc.status, k -> new ArrayList<>()).add(d);
            }
            if (doc.overdue) {
                statuses.computeIfAbsent("overdue", k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Map<String, List<Integer>>> out = new LinkedHashMap<>();
        out.put("service", services);
        out.put("tag", tags);
        out.put("severity", severities);
        out.put("status", statuses);
        return out;
    }

    /**
     * A string as JSON, byte for byte as {@link IndexedPage#JSON} writes it: printable ASCII without a quote or a
     * backslash (nearly every term) is quoted as it is; anything else is left to Jackson.
     */
    static String quote(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return toJson(value);
            }
        }
        return '"' + value + '"';
    }

    private static String register(String part, Object data) {
        return registerJson(part, toJson(data));
    }

    private static String registerJson(String part, String json) {
        return registerPrefix(part) + json + REGISTER_SUFFIX;
    }

    private static String registerPrefix(String part) {
        return "window.RunbookSearch.register(\"" + part + "\",";
    }

    private static final String REGISTER_SUFFIX = ");\n";

    private static String toJson(Object data) {
        return IndexedPage.toJson(data);
    }

    private static List<Object> firstKeys(List<List<Entry>> shards, Object whenEmpty) {
        return shards.stream().map(s -> s.isEmpty() ? whenEmpty : s.get(0).key).toList();
    }

    /**
     * One dictionary term or postings list (value: the term's number in the index) or document (value: its text
     * record's JSON), with the bytes it will take and the hash
     * that decides whether a shard may end after it (of the term, or of the page's URL: never of a doc id,
     * which a new page shifts).
     */
    private record Entry(Object key, Object value, int bytes, long hash) {
    }

    private static long sum(List<Entry> entries) {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }

    /** A well-mixed 32-bit hash of a key (String.hashCode is fixed by the language, so it is stable). */
    static long boundaryHash(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & 0xffffffffL;
    }

    /**
     * Consecutive runs of entries up to {@code target} bytes each (one entry larger than that alone), never an
     * empty shard. Where a shard ends is decided by the entries themselves, not by a running total from the
     * start, so a change in one place moves the ends of one or two shards and the rest keep theirs (and their
     * bytes: an incremental build rewrites only those). Past a quarter of the target, a shard ends after an
     * entry with a chance proportional to its size (its hash below size × 2^32 / (target / 2)), so shards
     * average a little over half the target; a shard also ends where the next entry would take it past
     * the target.
     */
    private static List<List<Entry>> pack(List<Entry> entries, int target) {
        List<List<Entry>> shards = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        long size = 0;
        long min = target / 4;
        double scale = 4294967296.0 / Math.max(1, target / 2);
        for (Entry e : entries) {
            if (!current.isEmpty() && size + e.bytes > target) {
                shards.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(e);
            size += e.bytes;
            if (target != Integer.MAX_VALUE && size >= min && e.hash < e.bytes * scale) {
                shards.add(current);
                current = new ArrayList<>();
                size = 0;
            }
        }
        if (!current.isEmpty() || shards.isEmpty()) {
            shards.add(current);
        }
        return shards;
    }
}
