package dev.runbook.load;

import com.vladsch.flexmark.parser.Parser;
import dev.runbook.core.InputDigest;
import dev.runbook.core.PageCacheFile;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.FrontMatter;
import dev.runbook.model.Heading;
import dev.runbook.model.Link;
import dev.runbook.model.LinkReferences;
import dev.runbook.model.ParsedDocument;
import dev.runbook.model.Runbook;
import dev.runbook.model.RunbookSeverity;
import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page cache of the loader: for each Markdown file, keyed by the SHA-256 of its bytes, what parsing
 * made of it (front-matter, title, headings, anchors, links, code blocks, reference definitions, the
 * loader's findings), without the AST. A file whose bytes are unchanged since the last build is not parsed:
 * its model comes from here and its AST is parsed only if a stage asks for it ({@link ParsedDocument}).
 * Cross-page work (links between pages, anchors, duplicate ids, the site's layout) still runs over every
 * model, cached or fresh.
 *
 * <p>The file's key covers everything that shapes the model besides the file's bytes and path: the plugin
 * version, the plugin's code (jar stamp; each class file's stamp when run from a classes folder), the
 * flexmark and YAML libraries, and the load options. A different key, a damaged or truncated file, or an
 * entry that cannot be decoded is a miss: the page is parsed again, never shown from a wrong model.
 */
public final class PageModelCache {

    /** The format of the payloads; bump when the encoding or the model changes shape. */
    static final String FORMAT = "page-models-3";

    private final Path file;
    private final String key;
    private final RunLog log;
    private final Map<String, PageCacheFile.Entry> before;
    private final Map<String, PageCacheFile.Entry> now = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private PageModelCache(Path file, String key, RunLog log, Map<String, PageCacheFile.Entry> before) {
        this.file = file;
        this.key = key;
        this.log = log;
        this.before = before;
    }

    /** The cache in {@code file} as far as it matches this plugin build and these options; empty otherwise. */
    public static PageModelCache open(Path file, String pluginVersion, LoadOptions options, RunLog log) {
        String key = key(pluginVersion, options);
        return new PageModelCache(file, key, log, PageCacheFile.read(file, FORMAT, key, log));
    }

    /** What every entry of one cache file was made with. */
    static String key(String pluginVersion, LoadOptions options) {
        InputDigest digest = new InputDigest()
                .add("format", FORMAT)
                .addSettings("load", options)
                .add("code", codeKey(pluginVersion));
        return digest.hex();
    }

    /**
     * The plugin build and the parsing libraries, as a key for caches of what was made from a page's text
     * (the loader's models here, the site's search text): a new version, a rebuilt snapshot jar, a recompiled
     * class or another flexmark or YAML library makes every entry a miss.
     */
    public static String codeKey(String pluginVersion) {
        InputDigest digest = new InputDigest()
                .add("pluginVersion", String.valueOf(pluginVersion))
                .add("java", Runtime.version().feature());
        Path code = InputDigest.codeSourceOf(PageModelCache.class);
        digest.addFileStamp("plugin", code);
        if (code != null && Files.isDirectory(code)) {
            // Run from a classes folder (tests, an IDE): a recompiled class keeps the folder's stamp.
            try (var files = Files.walk(code)) {
                files.filter(f -> f.toString().endsWith(".class")).sorted()
                        .forEach(f -> digest.addFileStamp(code.relativize(f).toString(), f));
            } catch (IOException | RuntimeException e) {
                digest.add("classes", "unreadable " + System.nanoTime()); // never matches: no reuse
            }
        }
        digest.addFileStamp("flexmark", InputDigest.codeSourceOf(Parser.class));
        digest.addFileStamp("yaml", InputDigest.codeSourceOf(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class));
        digest.addFileStamp("snakeyaml", InputDigest.codeSourceOf(org.yaml.snakeyaml.LoaderOptions.class));
        return digest.hex();
    }

    /** Whether the cache holds an entry for this file made from bytes with this hash (it may still fail to decode). */
    boolean holds(String relativePath, String hash) {
        PageCacheFile.Entry entry = before.get(relativePath);
        return entry != null && entry.inputHash().equals(hash);
    }

    /**
     * The runbook cached for this file's bytes, with the findings parsing it made added to {@code findings};
     * empty when there is none (or it cannot be decoded).
     */
    Optional<Runbook> lookup(String relativePath, Path sourceFile, SourceText source, String hash,
                             List<Finding> findings) {
        PageCacheFile.Entry entry = before.get(relativePath);
        if (entry == null || !entry.inputHash().equals(hash)) {
            return Optional.empty();
        }
        try {
            DataInputStream in = PageCacheFile.decoder(entry.payload());
            int frontMatterLines = in.readInt();
            FrontMatter frontMatter = readFrontMatter(in);
            String title = PageCacheFile.readString(in);
            List<Heading> headings = readList(in, PageModelCache::readHeading);
            Set<String> anchors = new HashSet<>(readList(in, PageCacheFile::readString));
            List<Link> links = readList(in, PageModelCache::readLink);
            List<CodeBlock> codeBlocks = readList(in, PageModelCache::readCodeBlock);
            LinkReferences references = new LinkReferences(readList(in, PageModelCache::readDefinition),
                    readList(in, PageModelCache::readUndefined));
            List<Finding> parsed = dev.runbook.findings.io.FindingsBinary.read(in);
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            Runbook runbook = new Runbook(relativePath, sourceFile, ContentLoader.pagePath(relativePath), source,
                    frontMatter, title, headings, anchors, links, codeBlocks, references,
                    ParsedDocument.onDemand(() -> ContentLoader.reparse(source, frontMatterLines)));
            findings.addAll(parsed);
            now.put(relativePath, entry);
            hits.incrementAndGet();
            return Optional.of(runbook);
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: page cache entry of " + relativePath + " unreadable, parsing it: " + e);
            return Optional.empty();
        }
    }

    /** Remembers what parsing this file's bytes made, for the next build. */
    void store(String relativePath, String hash, Runbook runbook, int frontMatterLines, List<Finding> parsed) {
        misses.incrementAndGet();
        try {
            byte[] payload = PageCacheFile.encode(out -> {
                out.writeInt(frontMatterLines);
                writeFrontMatter(out, runbook.frontMatter());
                PageCacheFile.writeString(out, runbook.title());
                writeList(out, runbook.headings(), PageModelCache::writeHeading);
                writeList(out, new ArrayList<>(runbook.anchors()), PageCacheFile::writeString);
                writeList(out, runbook.links(), PageModelCache::writeLink);
                writeList(out, runbook.codeBlocks(), PageModelCache::writeCodeBlock);
                writeList(out, runbook.references().definitions(), PageModelCache::writeDefinition);
                writeList(out, runbook.references().undefined(), PageModelCache::writeUndefined);
                dev.runbook.findings.io.FindingsBinary.write(out, parsed);
            });
            now.put(relativePath, new PageCacheFile.Entry(hash, payload));
        } catch (IOException | RuntimeException e) {
            log.debug("runbook: page cache cannot hold " + relativePath + ": " + e);
        }
    }

    /**
     * Writes the cache when it differs from the file read: entries of files parsed this build, without those
     * of files gone. A failure to write is logged, not thrown: the next build parses again.
     */
    void save() {
        PageCacheFile.saveIfChanged(file, FORMAT, key, before, now, log, "page cache");
    }

    /** Pages whose model came from the cache in this build. */
    public int hits() {
        return hits.get();
    }

    /** Pages parsed in this build. */
    public int misses() {
        return misses.get();
    }

    // ---- encoding ----

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> void writeList(DataOutputStream out, List<T> values, Writer<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            writer.write(out, value);
        }
    }

    private static <T> List<T> readList(DataInputStream in, Reader<T> reader) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("bad list size " + size);
        }
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(reader.read(in));
        }
        return values;
    }

    private static void writePosition(DataOutputStream out, SourcePosition position) throws IOException {
        if (position == null) {
            out.writeInt(0);
            return;
        }
        out.writeInt(position.line());
        out.writeInt(position.column());
    }

    private static SourcePosition readPosition(DataInputStream in) throws IOException {
        int line = in.readInt();
        if (line == 0) {
            return null;
        }
        return new SourcePosition(line, in.readInt());
    }

    private static void writeStringMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            PageCacheFile.writeString(out, e.getKey());
            PageCacheFile.writeString(out, e.getValue());
        }
    }

    private static Map<String, String> readStringMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("bad map size " + size);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(PageCacheFile.readString(in), PageCacheFile.readString(in));
        }
        return map;
    }

    private static void writeFrontMatter(DataOutputStream out, FrontMatter fm) throws IOException {
        PageCacheFile.writeString(out, fm.title());
        PageCacheFile.writeString(out, fm.description());
        writeList(out, fm.services(), PageCacheFile::writeString);
        PageCacheFile.writeString(out, fm.owner());
        PageCacheFile.writeString(out, fm.severity() == null ? null : fm.severity().name());
        writeList(out, fm.tags(), PageCacheFile::writeString);
        PageCacheFile.writeString(out, fm.lastReviewed() == null ? null : fm.lastReviewed().toString());
        PageCacheFile.writeString(out, fm.reviewEvery() == null ? null : fm.reviewEvery().toString());
        writeList(out, fm.aliases(), PageCacheFile::writeString);
        out.writeBoolean(fm.draft());
        out.writeInt(fm.keyPositions().size());
        for (Map.Entry<String, SourcePosition> e : fm.keyPositions().entrySet()) {
            PageCacheFile.writeString(out, e.getKey());
            writePosition(out, e.getValue());
        }
        writeList(out, fm.alerts(), PageCacheFile::writeString);
    }

    private static FrontMatter readFrontMatter(DataInputStream in) throws IOException {
        String title = PageCacheFile.readString(in);
        String description = PageCacheFile.readString(in);
        List<String> services = readList(in, PageCacheFile::readString);
        String owner = PageCacheFile.readString(in);
        String severity = PageCacheFile.readString(in);
        List<String> tags = readList(in, PageCacheFile::readString);
        String lastReviewed = PageCacheFile.readString(in);
        String reviewEvery = PageCacheFile.readString(in);
        List<String> aliases = readList(in, PageCacheFile::readString);
        boolean draft = in.readBoolean();
        int positions = in.readInt();
        if (positions < 0 || positions > in.available()) {
            throw new IOException("bad key count " + positions);
        }
        Map<String, SourcePosition> keyPositions = new LinkedHashMap<>();
        for (int i = 0; i < positions; i++) {
            keyPositions.put(PageCacheFile.readString(in), readPosition(in));
        }
        List<String> alerts = readList(in, PageCacheFile::readString);
        return new FrontMatter(title, description, services, owner,
                severity == null ? null : RunbookSeverity.valueOf(severity), tags,
                lastReviewed == null ? null : LocalDate.parse(lastReviewed),
                reviewEvery == null ? null : Period.parse(reviewEvery), aliases, draft, keyPositions, alerts);
    }

    private static void writeHeading(DataOutputStream out, Heading h) throws IOException {
        out.writeInt(h.level());
        PageCacheFile.writeString(out, h.text());
        PageCacheFile.writeString(out, h.id());
        out.writeBoolean(h.explicitId());
        writePosition(out, h.position());
    }

    private static Heading readHeading(DataInputStream in) throws IOException {
        return new Heading(in.readInt(), PageCacheFile.readString(in), PageCacheFile.readString(in), in.readBoolean(),
                readPosition(in));
    }

    private static void writeLink(DataOutputStream out, Link link) throws IOException {
        PageCacheFile.writeString(out, link.destination());
        PageCacheFile.writeString(out, link.text());
        out.writeBoolean(link.image());
        writePosition(out, link.position());
    }

    private static Link readLink(DataInputStream in) throws IOException {
        return new Link(PageCacheFile.readString(in), PageCacheFile.readString(in), in.readBoolean(), readPosition(in));
    }

    private static void writeCodeBlock(DataOutputStream out, CodeBlock block) throws IOException {
        PageCacheFile.writeString(out, block.language());
        PageCacheFile.writeString(out, block.info());
        writeStringMap(out, block.attributes());
        PageCacheFile.writeString(out, block.body());
        out.writeInt(block.bodyStartLine());
        writePosition(out, block.position());
        out.writeBoolean(block.fenced());
    }

    private static CodeBlock readCodeBlock(DataInputStream in) throws IOException {
        return new CodeBlock(PageCacheFile.readString(in), PageCacheFile.readString(in), readStringMap(in),
                PageCacheFile.readString(in), in.readInt(), readPosition(in), in.readBoolean());
    }

    private static void writeDefinition(DataOutputStream out, LinkReferences.Definition d) throws IOException {
        PageCacheFile.writeString(out, d.label());
        PageCacheFile.writeString(out, d.destination());
        writePosition(out, d.position());
        out.writeBoolean(d.used());
        out.writeInt(d.duplicateOf());
    }

    private static LinkReferences.Definition readDefinition(DataInputStream in) throws IOException {
        return new LinkReferences.Definition(PageCacheFile.readString(in), PageCacheFile.readString(in),
                readPosition(in), in.readBoolean(), in.readInt());
    }

    private static void writeUndefined(DataOutputStream out, LinkReferences.Undefined u) throws IOException {
        PageCacheFile.writeString(out, u.written());
        PageCacheFile.writeString(out, u.label());
        out.writeBoolean(u.image());
        writePosition(out, u.position());
    }

    private static LinkReferences.Undefined readUndefined(DataInputStream in) throws IOException {
        return new LinkReferences.Undefined(PageCacheFile.readString(in), PageCacheFile.readString(in),
                in.readBoolean(), readPosition(in));
    }
}
