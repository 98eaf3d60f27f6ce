package dev.runbook.load;

import com.vladsch.flexmark.util.ast.Document;
import dev.runbook.core.OutputRoot;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.model.FrontMatter;
import dev.runbook.model.Heading;
import dev.runbook.model.ParsedDocument;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every file the {@link LoadOptions} select below the content root ({@code *.md} by default) exactly
 * once into {@link Runbook}s. A folder that holds files but none the options select is a setup error that
 * names what was skipped, never an empty pass. A file that cannot
 * be read or parsed becomes a finding with its path and line; it never stops the other files. Symbolic
 * links are only read when they resolve inside the content root.
 */
public final class ContentLoader {

    /** Rule for files that cannot be read at all (too large, binary, outside the root, I/O error). */
    public static final String RULE_UNREADABLE = "file.unreadable";

    /** Files larger than this are reported, not parsed. */
    public static final long DEFAULT_MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** How many skipped files the "no runbook selected" error names. */
    static final int SKIPPED_SHOWN = 10;

    /**
     * How much Markdown (in chars) one load keeps parsed: the pages parsed within it hold their AST until the
     * stage that last reads it lets go ({@link ParsedDocument#release()}); the others are parsed again when a
     * stage asks. An AST takes six to ten times its text in heap, so this holds at most ~40 MB of them, where
     * holding all of 10,064 pages took 124 MB of live flexmark objects, through the whole load, every young
     * collection copying them (G1 then grew the heap to 2–2.7 GB). A one-page edit, or all of a site of a few
     * hundred pages, fits.
     */
    static final long SYNTAX_TREE_BUDGET_CHARS = 4L << 20;

    private final long maxFileBytes;
    private final RunLog log;
    private final LoadOptions options;
    private final PageModelCache pageCache;
    /** The files' bytes as the caller's digest of the folder read them (see {@link #reading}); may be null. */
    private dev.runbook.core.InputDigest.Tree read;
    private final Map<String, String> inputHashes = new java.util.concurrent.ConcurrentHashMap<>();
    private long syntaxTreeBudget = SYNTAX_TREE_BUDGET_CHARS;

    public ContentLoader(long maxFileBytes, RunLog log) {
        this(maxFileBytes, log, LoadOptions.DEFAULTS);
    }

    public ContentLoader(long maxFileBytes, RunLog log, LoadOptions options) {
        this(maxFileBytes, log, options, null);
    }

    /**
     * A loader that takes the model of each file whose bytes are unchanged from {@code pageCache} instead of
     * parsing it, and writes what it parsed back there; {@code pageCache} may be null (parse every file).
     */
    public ContentLoader(long maxFileBytes, RunLog log, LoadOptions options, PageModelCache pageCache) {
        this.maxFileBytes = maxFileBytes;
        this.log = log;
        this.options = options;
        this.pageCache = pageCache;
    }

    public ContentLoader() {
        this(DEFAULT_MAX_FILE_BYTES, RunLog.SILENT);
    }

    /**
     * Loads the files whose bytes {@code tree} kept ({@link dev.runbook.core.InputDigest#tree(Path,
     * java.util.function.Predicate, long)}) from those bytes and their hash, instead of reading and hashing
     * each file again: the model is then made from exactly the bytes the caller's digest took.
     */
    ContentLoader reading(dev.runbook.core.InputDigest.Tree tree) {
        this.read = tree;
        return this;
    }

    /** The same loader with another {@link #SYNTAX_TREE_BUDGET_CHARS}; for tests. */
    ContentLoader syntaxTreeBudget(long chars) {
        this.syntaxTreeBudget = chars;
        return this;
    }

    public LoadedContent load(Path contentRoot) throws SetupException {
        if (!Files.isDirectory(contentRoot)) {
            throw new SetupException("content folder " + contentRoot + " does not exist or is not a folder;"
                    + " set <contentDirectory> or create it");
        }
        Path root;
        try {
            root = contentRoot.toRealPath();
        } catch (IOException e) {
            throw new SetupException("cannot read content folder " + contentRoot + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        List<String> skipped = new ArrayList<>();
        List<Path> files = markdownFiles(root, findings, skipped);
        if (files.isEmpty() && !skipped.isEmpty() && findings.isEmpty()) {
            throw new SetupException(nothingSelected(contentRoot, skipped));
        }
        List<Optional<Runbook>> loaded = loadAll(root, files, findings, new AtomicLong(syntaxTreeBudget));
        List<Runbook> runbooks = loaded.stream().flatMap(Optional::stream).toList();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        if (pageCache != null) {
            pageCache.save();
            log.debug("runbook: page cache: " + pageCache.hits() + " runbooks unchanged (not parsed), "
                    + pageCache.misses() + " parsed");
        }
        log.debug("loaded " + runbooks.size() + " runbooks from " + root + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return new LoadedContent(root, runbooks, sorted, inputHashes);
    }

    /**
     * The setup error for a folder with files and no runbook: the first skipped files with the reason, counts
     * by extension, and the settings that would select them.
     */
    private String nothingSelected(Path contentRoot, List<String> skipped) {
        skipped.sort(null);
        Map<String, Integer> byExtension = new TreeMap<>();
        for (String path : skipped) {
            byExtension.merge(extensionOf(path), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> counts = new ArrayList<>(byExtension.entrySet());
        counts.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder out = new StringBuilder();
        out.append("content folder ").append(contentRoot).append(" holds ").append(skipped.size())
                .append(skipped.size() == 1 ? " file" : " files").append(" but no runbook: includes ")
                .append(options.includes()).append(options.excludes().isEmpty() ? "" : " minus excludes " + options.excludes())
                .append(" select none of them.\n  by extension: ");
        out.append(String.join(", ", counts.stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        out.append("\n  skipped:");
        for (String path : skipped.subList(0, Math.min(SKIPPED_SHOWN, skipped.size()))) {
            out.append("\n    ").append(OutputRoot.printable(path)).append(" (")
                    .append(options.excluded(path) ? "matches excludes" : "matches no include").append(')');
        }
        if (skipped.size() > SKIPPED_SHOWN) {
            out.append("\n    … and ").append(skipped.size() - SKIPPED_SHOWN).append(" more");
        }
        String common = counts.get(0).getKey();
        out.append("\n  fix: point contentDirectory at the runbooks, or select them with includes, e.g. ")
                .append("<includes><include>**/*").append(common.equals("(none)") ? "" : common).append("</include></includes>")
                .append(" or -Drunbook.includes=**/*").append(common.equals("(none)") ? "" : common)
                .append(" (docs/validate.md, \"Bring your own repository\")");
        return out.toString();
    }

    /** {@code .html.md.erb} for {@code a/x.html.md.erb}: every extension of the name, as layouts use them. */
    static String extensionOf(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.', 1);
        return dot < 0 ? "(none)" : name.substring(dot);
    }

    private List<Path> markdownFiles(Path root, List<Finding> findings, List<String> skipped) throws SetupException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean hidden = !dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"));
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink() && Files.isDirectory(file) && !leadsInside(root, file)) {
                        findings.add(new Finding(RULE_UNREADABLE, Severity.WARNING, relative(root, file), 1, 1,
                                "is a symbolic link to a folder outside the content folder; no runbook in it was read",
                                "move the folder into the content folder, or point contentDirectory at a folder that holds it"));
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = relative(root, file);
                    if (!options.selects(relative)) {
                        if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                            skipped.add(relative);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    Optional<String> badName = OutputRoot.problemWith(relative);
                    if (badName.isPresent()) {
                        findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, OutputRoot.printable(relative), 1, 1,
                                badName.get() + "; it was not read and gets no page", OutputRoot.renameHint()));
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        resolveLink(root, file, findings).ifPresent(target -> files.add(file));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative(root, file), 1, 1,
                            "cannot be read: " + exc.getClass().getSimpleName(), "check the file's permissions"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SetupException("cannot list content folder " + root + ": " + e.getMessage(), e);
        }
        files.sort(Path::compareTo);
        return files;
    }

    /**
     * A linked folder inside the root needs no walk of its own: its runbooks are read at their real paths
     * (following it would publish each twice).
     */
    private static boolean leadsInside(Path root, Path link) {
        try {
            return link.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> resolveLink(Path root, Path link, List<Finding> findings) {
        try {
            Path target = link.toRealPath();
            if (target.startsWith(root) && Files.isRegularFile(target)) {
                return Optional.of(target);
            }
        } catch (IOException e) {
            // A dangling link is reported like one that leaves the root.
        }
        findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative(root, link), 1, 1,
                "is a symbolic link that leads outside the content folder (or nowhere); it was not read",
                "replace the link with the file itself, or move its target into the content folder"));
        return Optional.empty();
    }

    /**
     * {@link #loadOne} for every file, on all cores, in the files' order. The pages that must be parsed start
     * first, beside the cached ones: after a one-page edit the one parse (flexmark's first in this JVM, about a
     * quarter of a second) then takes one core while the other decodes the thousands of cached pages, instead
     * of landing, with half of them, on the same thread (at 10,064 pages that wait was ~0.15 s of loading).
     */
    private List<Optional<Runbook>> loadAll(Path root, List<Path> files, List<Finding> findings, AtomicLong treeBudget) {
        List<Integer> toParse = new ArrayList<>();
        List<Integer> cached = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String relative = relative(root, files.get(i));
            dev.runbook.core.InputDigest.FileBytes bytes = read == null ? null : read.files().get(relative);
            boolean hit = pageCache != null && bytes != null && pageCache.holds(relative, bytes.sha256());
            (hit ? cached : toParse).add(i);
        }
        if (toParse.isEmpty() || cached.isEmpty()) {
            return files.parallelStream().map(file -> loadOne(root, file, findings, treeBudget)).toList();
        }
        @SuppressWarnings("unchecked")
        Optional<Runbook>[] out = new Optional[files.size()];
        java.util.concurrent.ForkJoinTask<?> parsing = java.util.concurrent.ForkJoinTask.adapt(() ->
                toParse.parallelStream().forEach(i -> out[i] = loadOne(root, files.get(i), findings, treeBudget))).fork();
        cached.parallelStream().forEach(i -> out[i] = loadOne(root, files.get(i), findings, treeBudget));
        parsing.join();
        return java.util.Arrays.asList(out);
    }

    private Optional<Runbook> loadOne(Path root, Path file, List<Finding> findings, AtomicLong treeBudget) {
        String relative = relative(root, file);
        try {
            dev.runbook.core.InputDigest.FileBytes taken = read == null ? null : read.take(relative);
            long size = taken != null ? taken.bytes().length : Files.size(file);
            if (size > maxFileBytes) {
                findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                        String.format(Locale.ROOT, "is %.1f MiB, over the %.1f MiB limit; it was not read",
                                size / 1048576.0, maxFileBytes / 1048576.0),
                        "split the page, or raise runbook.maxFileSize"));
                return Optional.empty();
            }
            byte[] bytes = taken != null ? taken.bytes() : Files.readAllBytes(file);
            if (Utf8Decoder.utf16ByteOrderMark(bytes) == null && looksBinary(bytes)) { // UTF-16 text is full of NULs
                findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                        "is not a text file (it contains NUL bytes); it was not read",
                        "remove it or give it another extension than .md"));
                return Optional.empty();
            }
            SourceText source = Utf8Decoder.decode(bytes);
            String hash = null;
            if (pageCache != null) {
                hash = taken != null ? taken.sha256() : dev.runbook.core.PageCacheFile.sha256(bytes);
                inputHashes.put(relative, hash);
                // A page in the cache passed the guard below when it was parsed (same bytes, same plugin build).
                Optional<Runbook> cached = pageCache.lookup(relative, file, source, hash, findings);
                if (cached.isPresent()) {
                    return cached;
                }
            }
            Optional<SourcePosition> slow = HeadingWhitespaceGuard.overBudget(source.text());
            if (slow.isPresent()) {
                findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, slow.get().line(), slow.get().column(),
                        "has headings with thousands of spaces or tabs in a row, which would take the Markdown parser"
                                + " minutes; it was not read",
                        "remove the long run of spaces from the heading"));
                return Optional.empty();
            }
            int length = source.text().length();
            boolean hold = treeBudget.getAndAdd(-length) >= length;
            if (pageCache == null) {
                return Optional.of(parseOne(relative, file, source, findings, options.frontMatterAliases(), hold).runbook());
            }
            List<Finding> parsed = new ArrayList<>();
            Parsed result = parseOne(relative, file, source, parsed, options.frontMatterAliases(), hold);
            findings.addAll(parsed);
            pageCache.store(relative, hash, result.runbook(), result.frontMatterLines(), parsed);
            return Optional.of(result.runbook());
        } catch (IOException e) {
            findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                    "cannot be read: " + e.getClass().getSimpleName(), "check the file's permissions"));
        } catch (StackOverflowError e) {
            findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                    "is nested too deeply to parse (lists or block quotes thousands of levels deep)",
                    "flatten the nesting"));
        } catch (RuntimeException e) {
            findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                    "could not be parsed: " + e.getClass().getSimpleName(), "report this as a bug with the file attached"));
        }
        return Optional.empty();
    }

    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Parses one file's text; public so tests and fuzzers can drive it without a folder. */
    public static Runbook parse(String relativePath, Path sourceFile, SourceText source, List<Finding> findings) {
        return parse(relativePath, sourceFile, source, findings, Map.of());
    }

    /** The same, with front-matter keys renamed by {@code frontMatterAliases} (see {@link LoadOptions}). */
    public static Runbook parse(String relativePath, Path sourceFile, SourceText source, List<Finding> findings,
                                Map<String, String> frontMatterAliases) {
        return parseOne(relativePath, sourceFile, source, findings, frontMatterAliases, true).runbook();
    }

    /** A parsed runbook and how many lines its front-matter block takes (0 without one). */
    record Parsed(Runbook runbook, int frontMatterLines) {
    }

    /**
     * The AST of a file's text whose first {@code frontMatterLines} lines are its front-matter: those are seen
     * as blank lines, so offsets stay those of the file.
     */
    static Document parseMarkdown(String text, int frontMatterLines) {
        return MarkdownSupport.parser().parse(frontMatterLines > 0 ? blankLines(text, frontMatterLines) : text);
    }

    /**
     * The AST of a page whose model came from the page cache, made exactly as loading makes it: parsed, then
     * passed through the {@link ModelExtractor}, which edits it (a heading's {@code {#id}} leaves its text).
     */
    static Document reparse(SourceText source, int frontMatterLines) {
        Document document = parseMarkdown(source.text(), frontMatterLines);
        new ModelExtractor(source, document).extract();
        return document;
    }

    /** @param hold whether the runbook holds its AST until released, rather than parsing it again on demand */
    private static Parsed parseOne(String relativePath, Path sourceFile, SourceText source, List<Finding> findings,
                                   Map<String, String> frontMatterAliases, boolean hold) {
        String text = source.text();
        FrontMatterParser frontMatterParser = new FrontMatterParser(relativePath, findings, frontMatterAliases);
        Optional<FrontMatterParser.Block> block = frontMatterParser.locate(text);
        FrontMatter frontMatter = block.map(frontMatterParser::parse).orElse(FrontMatter.EMPTY);
        int frontMatterLines = block.map(FrontMatterParser.Block::closingLine).orElse(0);
        Document document = parseMarkdown(text, frontMatterLines);
        ModelExtractor model = new ModelExtractor(source, document).extract();
        String title = frontMatter.title() != null ? frontMatter.title()
                : model.headings.stream().filter(h -> h.level() == 1).map(Heading::text).filter(t -> !t.isBlank())
                        .findFirst().orElseGet(() -> titleFromFileName(relativePath));
        int lines = frontMatterLines;
        java.util.function.Supplier<Document> again = () -> reparse(source, lines);
        return new Parsed(new Runbook(relativePath, sourceFile, pagePath(relativePath), source, frontMatter, title,
                model.headings, model.anchors, model.links, model.codeBlocks, model.references(),
                hold ? ParsedDocument.heldUntilReleased(document, again) : ParsedDocument.onDemand(again)),
                frontMatterLines);
    }

    /**
     * The text with every char of lines 1..lastLine turned into a space, so that flexmark sees blank
     * lines there while offsets, lines and columns stay those of the file.
     */
    private static String blankLines(String text, int lastLine) {
        char[] chars = text.toCharArray();
        int line = 1;
        for (int i = 0; i < chars.length && line <= lastLine; i++) {
            char c = chars[i];
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (i + 1 >= chars.length || chars[i + 1] != '\n') {
                    line++;
                }
            } else {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /**
     * Where the site writes a runbook's page: {@code a/b.md} → {@code a/b.html}, and a source that already
     * names its page ({@code a/b.html.md.erb}, Middleman/tech-docs; {@code a/b.html.md}) → {@code a/b.html},
     * so the links those trees write between pages keep working.
     */
    public static String pagePath(String relativePath) {
        String stem = stem(relativePath);
        return stem.toLowerCase(Locale.ROOT).endsWith(".html") ? stem : stem + ".html";
    }

    /** The path without its source extensions: {@code .erb} (a template), then {@code .md}/{@code .markdown}, or any last one. */
    static String stem(String relativePath) {
        int nameStart = relativePath.lastIndexOf('/') + 1;
        String stem = relativePath;
        if (stem.toLowerCase(Locale.ROOT).endsWith(".erb") && stem.length() - 4 > nameStart) {
            stem = stem.substring(0, stem.length() - 4);
        }
        String lower = stem.toLowerCase(Locale.ROOT);
        for (String extension : List.of(".md", ".markdown")) {
            if (lower.endsWith(extension) && stem.length() - extension.length() >= nameStart) {
                return stem.substring(0, stem.length() - extension.length());
            }
        }
        int dot = stem.lastIndexOf('.');
        return dot > nameStart ? stem.substring(0, dot) : stem;
    }

    static String titleFromFileName(String relativePath) {
        String name = stem(relativePath);
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".html")) {
            name = name.substring(0, name.length() - 5);
        }
        name = name.replace('-', ' ').replace('_', ' ').strip();
        if (name.isEmpty()) {
            return relativePath;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The path below the root, its names joined by '/'. A backslash inside a name is kept as it is (it is
     * a legal character of a Linux file name, not a separator) so that {@link OutputRoot#problemWith}
     * can refuse it; turning it into '/' made {@code ..\\..\\x.md} a page four folders above the site.
     */
    static String relative(Path root, Path file) {
        StringBuilder out = new StringBuilder();
        for (Path name : root.relativize(file)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(name);
        }
        return out.toString();
    }
}
