package dev.runbook.load;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import java.util.List;

/**
 * The one flexmark configuration: the loader parses with it and the site renders with it, so what the
 * validator sees is what the reader sees. GitHub-flavoured: tables, strikethrough, task lists, autolinks
 * ({@link LinkFreeTextSkippingAutolink}: flexmark's, given only the text that can hold a link), {#id}
 * attributes on headings, and reference links ({@code [text][ref]}, {@code [ref]}, {@code ![alt][ref]}
 * with a {@code [ref]: target "title"} definition).
 *
 * <p>flexmark registers its reference-definition paragraph pre-processor only when it uses its own inline
 * parser; with {@link MatchingInlineParser} installed it left definitions as paragraphs and every reference
 * link unresolved ({@code <a href="g">}, the definition printed as text). It is registered here explicitly.
 */
public final class MarkdownSupport {

    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.<Extension>of(
                    TablesExtension.create(),
                    StrikethroughExtension.create(),
                    TaskListExtension.create(),
                    LinkFreeTextSkippingAutolink.create()))
            .set(TablesExtension.COLUMN_SPANS, false)
            .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
            .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
            .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
            .toImmutable();

    private static final Parser PARSER = builder(OPTIONS).build();

    private MarkdownSupport() {
    }

    public static Parser parser() {
        return PARSER;
    }

    /** The parser's builder over {@code options}; tests compare the parser with variants of its extensions. */
    static Parser.Builder builder(DataHolder options) {
        return Parser.builder(options)
                .customInlineParserFactory(MatchingInlineParser::new)
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }
}
