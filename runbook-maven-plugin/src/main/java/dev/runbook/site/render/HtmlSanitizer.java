package dev.runbook.site.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Raw HTML in Markdown is not trusted: the rendered body passes an allowlist. Kept: common formatting,
 * lists, tables, headings, {@code details/summary}, ids, {@code a[href|name]} with http, https, mailto
 * or relative URLs, {@code img[src|alt]} with http, https or relative URLs, {@code code[class]}.
 * Dropped: scripts, styles, iframes, forms, event handlers, {@code style} attributes, and
 * {@code javascript:} / {@code data:} URLs. docs/site.md states this policy for users.
 */
public final class HtmlSanitizer {

    /** A base that lets jsoup judge relative URLs without ever making them absolute. */
    private static final String BASE = "https://runbook.invalid/";

    private static final org.jsoup.select.Evaluator INPUTS = org.jsoup.select.QueryParser.parse("input");

    private final Cleaner cleaner = new Cleaner(safelist());

    static Safelist safelist() {
        return new Safelist()
                .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
                        "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
                        "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre",
                        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
                        "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var")
                .addAttributes(":all", "id", "title", "lang", "dir")
                .addAttributes("a", "href", "name")
                .addAttributes("img", "src", "alt", "width", "height")
                .addAttributes("code", "class")
                .addAttributes("li", "class")
                .addAttributes("ol", "start", "type")
                .addAttributes("th", "align", "colspan", "rowspan", "scope")
                .addAttributes("td", "align", "colspan", "rowspan")
                .addAttributes("details", "open")
                .addAttributes("input", "type", "checked", "disabled")
                .addProtocols("a", "href", "http", "https", "mailto", "#")
                .addProtocols("img", "src", "http", "https")
                .preserveRelativeLinks(true);
    }

    /** A clean document holding the given body HTML. */
    public Document clean(String bodyHtml) {
        Document dirty = Jsoup.parseBodyFragment(bodyHtml, BASE);
        Document clean = cleaner.clean(dirty);
        // Task-list checkboxes are the only inputs Markdown produces; anything else is not content.
        clean.select(INPUTS).forEach(input -> {
            if (!"checkbox".equalsIgnoreCase(input.attr("type"))) {
                input.remove();
            } else {
                input.attr("disabled", true);
            }
        });
        clean.outputSettings().prettyPrint(false);
        return clean;
    }
}
