package dev.runbook.load;

import com.vladsch.flexmark.util.ast.Document;
import dev.runbook.core.OutputRoot;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.model.FrontMatter;
import dev.runbook.model.Heading;
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
import java.util.Optional;

/**
 * Reads every {@code *.md} below the content root exactly once into {@link Runbook}s. A file that cannot
 * be read or parsed becomes a finding with its path and line; it never stops the other files. Symbolic
 * links are only read when they resolve inside the content root.
 */
public final class ContentLoader {

    /** Rule for files that cannot be read at all (too large, binary, outside the root, I/O error). */
    public static final String RULE_UNREADABLE = "file.unreadable";

    /** Files larger than this are reported, not parsed. */
    public static final long DEFAULT_MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final long maxFileBytes;
    private final RunLog log;

    public ContentLoader(long maxFileBytes, RunLog log) {
        this.maxFileBytes = maxFileBytes;
        this.log = log;
    }

    public ContentLoader() {
        this(DEFAULT_MAX_FILE_BYTES, RunLog.SILENT);
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
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        List<Path> files = markdownFiles(root, findings);
        List<Optional<Runbook>> loaded = files.parallelStream().map(file -> loadOne(root, file, findings)).toList();
        List<Runbook> runbooks = loaded.stream().flatMap(Optional::stream).toList();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        log.debug("loaded " + runbooks.size() + " runbooks from " + root);
        return new LoadedContent(root, runbooks, sorted);
    }

    private List<Path> markdownFiles(Path root, List<Finding> findings) throws SetupException {
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
                    if (!isMarkdown(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = relative(root, file);
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

    private static boolean isMarkdown(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
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

    private Optional<Runbook> loadOne(Path root, Path file, List<Finding> findings) {
        String relative = relative(root, file);
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                        String.format(Locale.ROOT, "is %.1f MiB, over the %.1f MiB limit; it was not read",
                                size / 1048576.0, maxFileBytes / 1048576.0),
                        "split the page, or raise runbook.maxFileSize"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (Utf8Decoder.utf16ByteOrderMark(bytes) == null && looksBinary(bytes)) { // UTF-16 text is full of NULs
                findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, 1, 1,
                        "is not a text file (it contains NUL bytes); it was not read",
                        "remove it or give it another extension than .md"));
                return Optional.empty();
            }
            SourceText source = Utf8Decoder.decode(bytes);
            Optional<SourcePosition> slow = HeadingWhitespaceGuard.overBudget(source.text());
            if (slow.isPresent()) {
                findings.add(new Finding(RULE_UNREADABLE, Severity.ERROR, relative, slow.get().line(), slow.get().column(),
                        "has headings with thousands of spaces or tabs in a row, which would take the Markdown parser"
                                + " minutes; it was not read",
                        "remove the long run of spaces from the heading"));
                return Optional.empty();
            }
            return Optional.of(parse(relative, file, source, findings));
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
        String text = source.text();
        FrontMatterParser frontMatterParser = new FrontMatterParser(relativePath, findings);
        Optional<FrontMatterParser.Block> block = frontMatterParser.locate(text);
        FrontMatter frontMatter = block.map(frontMatterParser::parse).orElse(FrontMatter.EMPTY);
        String markdown = block.map(b -> blankLines(text, b.closingLine())).orElse(text);
        Document document = MarkdownSupport.parser().parse(markdown);
        ModelExtractor model = new ModelExtractor(source, document).extract();
        String title = frontMatter.title() != null ? frontMatter.title()
                : model.headings.stream().filter(h -> h.level() == 1).map(Heading::text).filter(t -> !t.isBlank())
                        .findFirst().orElseGet(() -> titleFromFileName(relativePath));
        return new Runbook(relativePath, sourceFile, pagePath(relativePath), source, frontMatter, title,
                model.headings, model.anchors, model.links, model.codeBlocks,
                model.references(), document);
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

    public static String pagePath(String relativePath) {
        return relativePath.substring(0, relativePath.length() - 3) + ".html";
    }

    static String titleFromFileName(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        name = name.substring(0, name.length() - 3).replace('-', ' ').replace('_', ' ').strip();
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
