package dev.runbook.site.render;

import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;
import org.jsoup.nodes.Document;

/** One runbook's page body: Markdown rendered, sanitized, then decorated. Thread-safe. */
public final class RunbookHtml {

    /** @param titleId id of the H1 lifted out of the body, for the page title; may be null */
    public record Body(String html, String titleId) {
    }

    private final MarkdownHtml markdown;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public RunbookHtml(SiteLayout layout) {
        this.markdown = new MarkdownHtml(layout);
    }

    public Body render(Runbook runbook, String pagePath) {
        Document clean = sanitizer.clean(markdown.render(runbook, pagePath));
        String titleId = PageDecorator.decorate(clean, runbook.smokeBlocks());
        return new Body(clean.body().html(), titleId);
    }
}
