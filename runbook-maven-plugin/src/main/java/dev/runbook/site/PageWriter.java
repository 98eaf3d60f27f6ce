package dev.runbook.site;

import dev.runbook.site.layout.SiteLayout;
import dev.runbook.core.AtomicFiles;
import dev.runbook.core.OutputRoot;
import dev.runbook.core.SetupException;
import dev.runbook.model.Runbook;
import dev.runbook.site.render.RunbookHtml;
import dev.runbook.site.view.AlertViews;
import dev.runbook.site.view.Frame;
import dev.runbook.site.view.PageNav;
import dev.runbook.site.view.RunbookView;
import dev.runbook.site.view.TagLink;
import dev.runbook.site.view.Views;
import dev.runbook.findings.Finding;
import dev.runbook.status.RunbookStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Renders each kind of page with its template and writes it into the staging folder. Thread-safe. */
final class PageWriter {

    /** The index of alerts and their runbook status, when alertRules is configured. */
    static final String ALERTS_PAGE = "alerts.html";

    private final SiteRequest request;
    private final Theme theme;
    private final Views views;
    private final SiteLayout layout;
    private final OutputRoot staging;
    private final RunbookHtml bodies;
    private final AlertViews alerts;

    PageWriter(SiteRequest request, Theme theme, Views views, SiteLayout layout, OutputRoot staging, AlertViews alerts) {
        this.alerts = alerts;
        this.request = request;
        this.theme = theme;
        this.views = views;
        this.layout = layout;
        this.staging = staging;
        this.bodies = new RunbookHtml(layout);
    }

    void runbookPage(Runbook runbook, RunbookStatus status, List<Finding> findings, PageNav nav)
            throws SetupException, IOException {
        String page = layout.pageOf(runbook.relativePath());
        RunbookHtml.Body body;
        List<dev.runbook.status.CheckStatus> checks;
        try {
            checks = request.status().checksOf(runbook);
            body = bodies.render(runbook, page, checks);
        } catch (RuntimeException | StackOverflowError e) {
            throw new SetupException(runbook.relativePath() + ": could not be rendered (" + e.getClass().getSimpleName()
                    + "); report this as a bug with the file attached", e);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("frame", SiteBuilder.frame(request, page, runbook.title(), ""));
        model.put("runbook", views.runbook(runbook, status));
        model.put("titleId", body.titleId());
        model.put("toc", Views.toc(runbook));
        model.put("body", body.html());
        model.put("findings", Views.findings(findings));
        model.put("failingChecks", dev.runbook.site.view.CheckLink.failing(checks));
        model.put("nav", nav);
        model.put("alerts", alerts.panel(request.alerts(), runbook.relativePath()));
        write(page, theme.render("runbook.ftlh", model));
    }

    /** Index, status, tag and 404 pages; returns the paths written. */
    List<String> aggregatePages(List<RunbookView> all) throws SetupException, IOException {
        List<String> written = new ArrayList<>();
        Map<TagLink, List<RunbookView>> byTag = SiteBuilder.byTag(all);

        Map<String, Object> index = new HashMap<>();
        index.put("frame", SiteBuilder.frame(request, "index.html", request.siteTitle(), "index"));
        index.put("groups", Views.byService(all));
        index.put("tags", new ArrayList<>(byTag.keySet()));
        index.put("severities", new ArrayList<>(new TreeSet<>(all.stream()
                .map(RunbookView::severity).filter(s -> s != null).toList())));
        index.put("counts", counts(all));
        index.put("total", all.size());
        written.add(write("index.html", theme.render("index.ftlh", index)));

        List<RunbookView> attention = new ArrayList<>(all);
        attention.sort(Views.BY_ATTENTION);
        Map<String, Object> status = new HashMap<>();
        status.put("frame", SiteBuilder.frame(request, "status.html", "Status", "status"));
        status.put("runbooks", attention);
        status.put("counts", counts(all));
        written.add(write("status.html", theme.render("status.ftlh", status)));

        for (Map.Entry<TagLink, List<RunbookView>> tag : byTag.entrySet()) {
            Map<String, Object> model = new HashMap<>();
            model.put("frame", SiteBuilder.frame(request, tag.getKey().url(), "Tag: " + tag.getKey().name(), "tags"));
            model.put("tag", tag.getKey());
            model.put("runbooks", tag.getValue());
            written.add(write(tag.getKey().url(), theme.render("tag.ftlh", model)));
        }

        if (request.alerts() != null) {
            Map<String, Object> model = new HashMap<>();
            model.put("frame", SiteBuilder.frame(request, ALERTS_PAGE, "Alerts", "alerts"));
            model.put("page", alerts.page(request.alerts()));
            written.add(write(ALERTS_PAGE, theme.render("alerts.ftlh", model)));
        }

        Map<String, Object> notFound = new HashMap<>();
        // A web server shows the 404 page for a missing path at any depth, where relative links miss; a
        // root-absolute "/assets/…" in turn misses from file:// (ERR_FILE_NOT_FOUND). With a baseUrl the
        // page links from it (right on the server at any depth); without one it links relatively, like
        // every other page at the site root: right from file:// and for missing pages at the top level of
        // a server. Static HTML cannot be right in both places without a baseUrl (docs/site.md says so).
        Frame top = SiteBuilder.frame(request, "404.html", "Page not found", "");
        notFound.put("frame", new Frame(request.baseUrl() == null ? "" : request.baseUrl(), top.siteTitle(),
                top.pageTitle(), top.canonical(), top.buildDate(), top.section(), top.report(), top.builtOn(), top.generator(),
                top.alerts()));
        written.add(write("404.html", theme.render("404.ftlh", notFound)));
        return written;
    }

    List<String> redirects() throws SetupException, IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> redirect : layout.redirects().entrySet()) {
            String from = redirect.getKey();
            Map<String, Object> model = new HashMap<>();
            model.put("frame", SiteBuilder.frame(request, from, "Moved", ""));
            model.put("target", SiteLayout.rootPrefix(from) + SiteLayout.href(redirect.getValue()));
            written.add(write(from, theme.render("redirect.ftlh", model)));
        }
        return written;
    }

    /** verified / failing / unverified / overdue counts for the summary strip. */
    private static Map<String, Integer> counts(List<RunbookView> all) {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("verified", 0);
        counts.put("failing", 0);
        counts.put("unverified", 0);
        counts.put("overdue", 0);
        for (RunbookView view : all) {
            counts.merge(view.status().key(), 1, Integer::sum);
            if (view.status().overdue()) {
                counts.merge("overdue", 1, Integer::sum);
            }
        }
        return counts;
    }

    private String write(String page, String html) throws IOException {
        AtomicFiles.writeString(staging.forWriting(page), html);
        return page;
    }
}
