package dev.runbook.model;

import com.vladsch.flexmark.util.ast.Document;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One runbook, parsed once. Every stage (validator, smoke runner, site) reads this; none re-reads the file.
 *
 * @param relativePath path below the content root with '/' separators, e.g. {@code payments/refund-backlog.md}
 * @param sourceFile   absolute path of the file
 * @param pagePath     where the site writes its page, e.g. {@code payments/refund-backlog.html}
 * @param title        front-matter title, else the first H1, else a title made from the file name
 * @param anchors      every id a {@code #fragment} may name on this page: heading ids, {#id}, {@code <a id>}
 * @param references   reference-link definitions and undefined explicit references ({@code [text][label]})
 * @param parsed       the flexmark AST, held or parsed on demand ({@link #document()}); node offsets are offsets
 *                     into {@code source.text()}
 */
public record Runbook(
        String relativePath,
        Path sourceFile,
        String pagePath,
        SourceText source,
        FrontMatter frontMatter,
        String title,
        List<Heading> headings,
        Set<String> anchors,
        List<Link> links,
        List<CodeBlock> codeBlocks,
        LinkReferences references,
        ParsedDocument parsed) {

    /** A runbook whose AST is already parsed. */
    public Runbook(String relativePath, Path sourceFile, String pagePath, SourceText source, FrontMatter frontMatter,
                   String title, List<Heading> headings, Set<String> anchors, List<Link> links,
                   List<CodeBlock> codeBlocks, LinkReferences references, Document document) {
        this(relativePath, sourceFile, pagePath, source, frontMatter, title, headings, anchors, links, codeBlocks,
                references, ParsedDocument.of(document));
    }

    /** The flexmark AST: the one parsed at load, or (for a page whose model came from the page cache) made now. */
    public Document document() {
        return parsed.get();
    }

    public Runbook {
        headings = List.copyOf(headings);
        anchors = Set.copyOf(anchors);
        links = List.copyOf(links);
        codeBlocks = List.copyOf(codeBlocks);
    }

    public List<CodeBlock> smokeBlocks() {
        return codeBlocks.stream().filter(CodeBlock::isSmoke).toList();
    }

    public List<String> services() {
        return frontMatter.services();
    }
}
