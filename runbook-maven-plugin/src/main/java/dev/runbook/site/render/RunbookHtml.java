package dev.runbook.site.render;

import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;
import dev.runbook.status.CheckStatus;
import org.jsoup.nodes.Document;

import java.util.List;

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
        return render(runbook, pagePath, List.of());
    }

    /** @param checks the last result of each smoke block that has one: each card shows its own */
    public Body render(Runbook runbook, String pagePath, List<CheckStatus> checks) {
        Document clean = sanitizer.clean(markdown.render(runbook, pagePath));
        String titleId = PageDecorator.decorate(clean, runbook.smokeBlocks(), checks);
        return new Body(clean.body().html(), titleId);
    }
}
