package dev.runbook.site.render;

import dev.runbook.model.CodeBlock;
import dev.runbook.status.CheckStatus;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Adds the site's own markup to a sanitized body: heading anchors, code-block headers with a language
 * label and a copy button, smoke check cards, scroll wrappers for wide tables. Runs after the sanitizer,
 * so what it adds is never filtered and what the author wrote never gets past the allowlist.
 */
final class PageDecorator {

    private static final String LINK_ICON = "<svg viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">"
            + "<path fill=\"currentColor\" d=\"m7.78 3.97.97-.97a3.5 3.5 0 0 1 4.95 4.95l-2.5 2.5a3.5 3.5 0 0 1-4.95 0 .75.75 0 0 1 "
            + "1.06-1.06 2 2 0 0 0 2.83 0l2.5-2.5a2 2 0 0 0-2.83-2.83l-.97.97a.75.75 0 0 1-1.06-1.06Zm-1.56 8.06-.97.97a3.5 3.5 0 0 "
            + "1-4.95-4.95l2.5-2.5a3.5 3.5 0 0 1 4.95 0 .75.75 0 0 1-1.06 1.06 2 2 0 0 0-2.83 0l-2.5 2.5a2 2 0 0 0 2.83 2.83l.97-.97a.75.75 "
            + "0 0 1 1.06 1.06Z\"/></svg>";

    // Parsed once: at 10,000 pages, parsing the icon's markup for every heading and the three CSS queries
    // for every page was a fifth of the decorating time.
    private static final Element LINK_ICON_ELEMENT = Parser.parseBodyFragment(LINK_ICON, "").body().child(0);
    private static final Evaluator HEADINGS_WITH_IDS = QueryParser.parse("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
    private static final Evaluator CODE_BLOCKS = QueryParser.parse("pre > code");
    private static final Evaluator TABLES = QueryParser.parse("table");

    private PageDecorator() {
    }

    /** Decorates in place; returns the id of a leading H1 that was lifted out (the page shows the title), or null. */
    static String decorate(Document document, List<CodeBlock> smokeBlocks, List<CheckStatus> checks) {
        Map<Integer, CheckStatus> byLine = new java.util.HashMap<>();
        for (CheckStatus c : checks) {
            byLine.put(c.line(), c);
        }
        Element body = document.body();
        String titleId = liftTitle(body);
        for (Element heading : body.select(HEADINGS_WITH_IDS)) {
            Element anchor = new Element("a").addClass("anchor").attr("href", "#" + heading.id())
                    .attr("aria-label", "Link to section: " + heading.text());
            anchor.appendChild(linkIcon());
            heading.appendChild(anchor);
        }
        Deque<CodeBlock> smoke = new ArrayDeque<>(smokeBlocks);
        for (Element code : body.select(CODE_BLOCKS)) {
            Element pre = code.parent();
            String language = language(code);
            if ("smoke".equals(language)) {
                CodeBlock block = smoke.peekFirst();
                Map<String, String> attributes = Map.of();
                int line = 0;
                if (block != null && sameText(block.body(), code.wholeText())) {
                    attributes = block.attributes();
                    line = block.position().line();
                    smoke.removeFirst();
                }
                pre.replaceWith(SmokeCard.build(code.wholeText(), attributes, line, line > 0 ? byLine.get(line) : null, line > 0));
                continue;
            }
            Element wrapper = new Element("div").addClass("code-block");
            pre.replaceWith(wrapper);
            Element head = wrapper.appendElement("div").addClass("code-head");
            head.appendElement("span").addClass("code-lang").text(language.isEmpty() ? "text" : language);
            head.appendElement("button").attr("type", "button").addClass("copy")
                    .attr("aria-label", "Copy code" + (language.isEmpty() ? "" : " (" + language + ")"))
                    .text("Copy");
            pre.attr("tabindex", "0");
            CodeHighlighter.highlight(code, language);
            wrapper.appendChild(pre);
        }
        for (Element table : body.select(TABLES)) {
            Element wrap = new Element("div").addClass("table-wrap").attr("tabindex", "0")
                    .attr("role", "region").attr("aria-label", "Table");
            table.replaceWith(wrap);
            wrap.appendChild(table);
        }
        return titleId;
    }

    /** A copy of the icon; the template is shared by the rendering threads, so it is copied under its lock. */
    private static Element linkIcon() {
        synchronized (LINK_ICON_ELEMENT) {
            return LINK_ICON_ELEMENT.clone();
        }
    }

    private static String liftTitle(Element body) {
        Element first = body.firstElementChild();
        if (first != null && first.normalName().equals("h1")) {
            String id = first.id();
            first.remove();
            return id.isEmpty() ? null : id;
        }
        return null;
    }

    private static String language(Element code) {
        for (String cls : code.classNames()) {
            if (cls.startsWith("language-")) {
                return Parser.unescapeEntities(cls.substring("language-".length()), false);
            }
        }
        return "";
    }

    private static boolean sameText(String a, String b) {
        return a.strip().replace("\r\n", "\n").equals(b.strip().replace("\r\n", "\n"));
    }
}
