package dev.runbook.report;

import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;
import dev.runbook.site.Theme;
import dev.runbook.site.view.RunbookView;
import dev.runbook.site.view.Views;
import dev.runbook.status.StatusSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the gate report as one standalone HTML page with the site's theme: the theme's stylesheets are
 * inlined (an override folder applies, as on the site), nothing is fetched. Runbooks link to their site
 * pages through {@code siteRoot}, the relative path from wherever this copy of the page lives to the site root.
 * Status badges come from the site's own {@link Views}, so the report and the status page say the same words.
 */
public final class ReportHtml {

    static final String TEMPLATE = "report.ftlh";
    static final List<String> STYLESHEETS = List.of("assets/site.css", "assets/report.css");

    private final Theme theme;
    private final String siteTitle;

    public ReportHtml(Theme theme, String siteTitle) {
        this.theme = theme;
        this.siteTitle = siteTitle;
    }

    /**
     * @param siteRoot "" when the page sits at the site root, else e.g. {@code ../runbook-site/}
     * @param inSite   true for the copy published inside the site (its header is the site's navigation)
     */
    public String render(GateReport report, GatePolicy policy, List<Runbook> runbooks, StatusSource status,
                         String siteRoot, boolean inSite) throws SetupException, IOException {
        List<Runbook> published = runbooks.stream().filter(r -> !r.frontMatter().draft()).toList();
        SiteLayout layout = SiteLayout.plan(published, RunLog.SILENT);
        Views views = new Views(layout);
        Map<String, Runbook> byPath = new HashMap<>();
        runbooks.forEach(r -> byPath.put(r.relativePath(), r));
        Links links = new Links(layout, byPath, siteRoot);
        BaselineComparison since = report.sinceBaseline();
        Set<String> changed = new HashSet<>(since.changedRunbooks());
        Set<String> added = new HashSet<>(since.addedRunbooks());

        List<ReportModel.Row> rows = new ArrayList<>();
        for (RunbookRow row : report.runbooks()) {
            Runbook runbook = byPath.get(row.path());
            RunbookView view = runbook == null ? null : views.runbook(runbook, status.statusOf(runbook));
            String change = added.contains(row.path()) ? "added" : changed.contains(row.path()) ? "changed" : null;
            rows.add(new ReportModel.Row(links.of(row.path()), view, row.errors(), row.warnings(), row.todos(), row.newFindings(),
                    row.blocking(), row.needsAction(), change));
        }
        Set<Finding> fresh = since.present() ? new HashSet<>(since.newFindings()) : Set.of();

        Map<String, Object> model = new HashMap<>();
        model.put("siteTitle", siteTitle);
        model.put("root", siteRoot);
        model.put("inSite", inSite);
        String css = css();
        model.put("css", css);
        model.put("reportSecurityPolicy", securityPolicy("\n" + css + "\n"));
        model.put("passed", report.passed());
        model.put("explanation", report.explanation());
        model.put("violations", report.violations().stream().map(v -> violation(v, links)).toList());
        model.put("buildDate", report.buildDate().toString());
        model.put("smokeEnvironment", report.smokeEnvironment() == null ? "" : report.smokeEnvironment());
        model.put("policy", policyLine(policy));
        model.put("totals", totals(report.totals()));
        model.put("rows", rows);
        model.put("owners", owners(report, links));
        model.put("findings", report.findings().stream().map(f -> line(f, links, fresh.contains(f))).toList());
        model.put("baselinePresent", since.present());
        model.put("baselineLabel", since.baselineLabel() == null ? "" : since.baselineLabel());
        model.put("newFindings", since.newFindings().stream().map(f -> line(f, links, true)).toList());
        model.put("fixedFindings", since.fixedFindings().stream().map(f -> line(f, links, false)).toList());
        model.put("addedRunbooks", since.addedRunbooks().stream().map(links::of).toList());
        model.put("changedRunbooks", since.changedRunbooks().stream().map(links::of).toList());
        model.put("removedRunbooks", since.removedRunbooks().stream().map(p -> new ReportModel.RunbookLink(p, p, null)).toList());
        model.put("baselineEmpty", since.isEmpty());
        return theme.render(TEMPLATE, model);
    }

    private String css() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : STYLESHEETS) {
            String text = theme.text(name);
            if (text != null) {
                // A stylesheet cannot end the <style> element early, whatever an override folder holds.
                out.append(text.replace("</", "<\\/")).append('\n');
            }
        }
        return out.toString();
    }

    private static ReportModel.Violation violation(PolicyViolation v, Links links) {
        return new ReportModel.Violation(v.rule(), v.explanation(), v.blockingRunbooks().stream().map(links::of).toList());
    }

    private static ReportModel.FindingLine line(Finding f, Links links, boolean fresh) {
        return new ReportModel.FindingLine(f.severity().label(), f.ruleId(), links.of(f.file()), f.line(), f.column(), f.message(),
                f.hint(), fresh);
    }

    private static List<ReportModel.Total> totals(GateReport.Totals t) {
        return List.of(
                new ReportModel.Total("runbooks", t.runbooks(), "runbooks"),
                new ReportModel.Total("verified", t.verified(), "verified"),
                new ReportModel.Total("failing", t.failing(), "failing"),
                new ReportModel.Total("unverified", t.unverified(), "unverified"),
                new ReportModel.Total("overdue", t.reviewOverdue(), "review overdue"),
                new ReportModel.Total("errors", t.errors(), t.errors() == 1 ? "error" : "errors"),
                new ReportModel.Total("warnings", t.warnings(), t.warnings() == 1 ? "warning" : "warnings"),
                new ReportModel.Total("todos", t.todos(), t.todos() == 1 ? "TODO" : "TODOs"));
    }

    private static List<ReportModel.OwnerGroup> owners(GateReport report, Links links) {
        List<ReportModel.OwnerGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<RunbookRow>> entry : report.byOwner().entrySet()) {
            List<ReportModel.OwnerItem> items = entry.getValue().stream()
                    .map(r -> new ReportModel.OwnerItem(links.of(r.path()), r.blocking(), reasons(r, report.violations()))).toList();
            groups.add(new ReportModel.OwnerGroup(entry.getKey(), items));
        }
        return groups;
    }

    /** What is wrong with a runbook, in words a tired reviewer can act on. */
    static List<String> reasons(RunbookRow row, List<PolicyViolation> violations) {
        List<String> reasons = new ArrayList<>();
        for (String failure : row.status().failures()) {
            reasons.add("smoke check fails: " + failure);
        }
        if (row.status().verification() == dev.runbook.status.Verification.FAILING && row.status().failures().isEmpty()) {
            reasons.add("smoke checks fail");
        }
        if (row.errors() > 0) {
            reasons.add(row.errors() + (row.errors() == 1 ? " error finding" : " error findings"));
        }
        if (row.warnings() > 0) {
            reasons.add(row.warnings() + (row.warnings() == 1 ? " warning finding" : " warning findings"));
        }
        if (row.todos() > 0) {
            reasons.add(row.todos() + (row.todos() == 1 ? " TODO left in the text" : " TODOs left in the text"));
        }
        if (row.newFindings() > 0) {
            reasons.add(row.newFindings() + (row.newFindings() == 1 ? " finding is" : " findings are") + " new since the baseline");
        }
        if (row.status().reviewOverdue()) {
            reasons.add("review overdue" + (row.status().reviewDue() == null ? "" : " (due " + row.status().reviewDue() + ")"));
        }
        for (PolicyViolation violation : violations) {
            if (violation.rule().equals("requireVerifiedFor") && violation.blockingRunbooks().contains(row.path())) {
                reasons.add(row.severity() + " runbook not verified by a recent smoke run (requireVerifiedFor)");
            }
        }
        return reasons;
    }

    static String policyLine(GatePolicy policy) {
        List<String> parts = new ArrayList<>();
        parts.add("maxErrors=" + limit(policy.maxErrors()));
        parts.add("maxWarnings=" + limit(policy.maxWarnings()));
        parts.add("maxTodos=" + limit(policy.maxTodos()));
        parts.add("maxOverdue=" + limit(policy.maxOverdue()));
        parts.add("failOnFailingSmoke=" + policy.failOnFailingSmoke());
        parts.add("requireVerifiedFor=" + (policy.requireVerifiedFor().isEmpty() ? "none"
                : policy.requireVerifiedFor().stream().map(Enum::name).sorted().collect(Collectors.joining(","))));
        return String.join(" · ", parts);
    }

    private static String limit(int value) {
        return value < 0 ? "no limit" : String.valueOf(value);
    }

    /** Turns a content path into a link to its page on the site, relative to where this copy of the report is. */
    private record Links(SiteLayout layout, Map<String, Runbook> byPath, String siteRoot) {

        ReportModel.RunbookLink of(String path) {
            Runbook runbook = byPath.get(path);
            String page = layout.pageOf(path);
            return new ReportModel.RunbookLink(path, runbook == null ? path : runbook.title(),
                    page == null ? null : siteRoot + SiteLayout.href(page));
        }
    }

    /**
     * The standalone report's Content-Security-Policy: it fetches nothing and runs nothing, and its one inline
     * stylesheet is allowed by its hash. {@code styleText} must be the style element's exact text.
     */
    static String securityPolicy(String styleText) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(styleText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "default-src 'none'; style-src 'sha256-" + java.util.Base64.getEncoder().encodeToString(hash)
                    + "'; img-src data:; base-uri 'none'; form-action 'none'";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
