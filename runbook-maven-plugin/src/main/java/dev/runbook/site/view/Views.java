package dev.runbook.site.view;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.model.Heading;
import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;
import dev.runbook.status.RunbookStatus;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the templates' view models from the model. All decisions live here, none in templates. */
public final class Views {

    public static final String NO_SERVICE = "Other";

    private final SiteLayout layout;

    public Views(SiteLayout layout) {
        this.layout = layout;
    }

    public RunbookView runbook(Runbook runbook, RunbookStatus status) {
        var fm = runbook.frontMatter();
        List<TagLink> tags = fm.tags().stream().map(t -> new TagLink(t, layout.tagPage(t))).toList();
        return new RunbookView(
                runbook.title(),
                SiteLayout.href(layout.pageOf(runbook.relativePath())),
                runbook.relativePath(),
                fm.description(),
                fm.services(),
                fm.services().stream().map(s -> new TagLink(s, "index.html#" + groupId(s))).toList(),
                fm.owner(),
                fm.severity() == null ? null : fm.severity().name(),
                tags,
                fm.lastReviewed() == null ? null : fm.lastReviewed().toString(),
                status.reviewDue() == null ? null : status.reviewDue().toString(),
                status(runbook, status),
                String.join(",", fm.services()),
                "," + String.join(",", fm.tags()) + ",",
                fm.severity() == null ? "" : fm.severity().name());
    }

    static StatusView status(Runbook runbook, RunbookStatus status) {
        String due = status.reviewDue() == null ? null : status.reviewDue().toString();
        return switch (status.verification()) {
            case VERIFIED -> new StatusView("verified", "Verified",
                    status.lastVerified() == null ? "smoke checks passed"
                            : "proven " + LocalDate.ofInstant(status.lastVerified(), ZoneOffset.UTC),
                    List.of(), status.reviewOverdue(), due);
            case FAILING -> new StatusView("failing", "Failing",
                    status.failures().size() == 1 ? "1 smoke check fails" : status.failures().size() + " smoke checks fail",
                    status.failures(), status.reviewOverdue(), due);
            case UNVERIFIED -> new StatusView("unverified", "Unverified",
                    runbook.smokeBlocks().isEmpty() ? "no smoke checks" : "smoke checks not run recently",
                    List.of(), status.reviewOverdue(), due);
        };
    }

    /** Level 2 and 3 headings: enough to find a step at 3 a.m. without drowning in detail. */
    public static List<TocEntry> toc(Runbook runbook) {
        List<TocEntry> toc = new ArrayList<>();
        for (Heading heading : runbook.headings()) {
            if (heading.level() >= 2 && heading.level() <= 3 && !heading.text().isBlank()) {
                toc.add(new TocEntry(heading.id(), heading.text(), heading.level()));
            }
        }
        return toc;
    }

    /** Runbooks grouped by service (a runbook with two services is in both); groups and rows sorted. */
    public static List<ServiceGroup> byService(List<RunbookView> runbooks) {
        Map<String, List<RunbookView>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (RunbookView view : runbooks) {
            List<String> services = view.services().isEmpty() ? List.of(NO_SERVICE) : view.services();
            for (String service : services) {
                groups.computeIfAbsent(service, s -> new ArrayList<>()).add(view);
            }
        }
        List<ServiceGroup> out = new ArrayList<>();
        List<RunbookView> other = groups.remove(NO_SERVICE);
        groups.forEach((service, list) -> out.add(group(service, list)));
        if (other != null) {
            out.add(group(NO_SERVICE, other));
        }
        return out;
    }

    private static ServiceGroup group(String name, List<RunbookView> list) {
        List<RunbookView> sorted = new ArrayList<>(list);
        sorted.sort(BY_SEVERITY_THEN_TITLE);
        return new ServiceGroup(name, groupId(name), sorted);
    }

    static String groupId(String service) {
        return "service-" + dev.runbook.load.Slugger.slugOf(service);
    }

    /** Most urgent first; a runbook without severity after P4. */
    public static final Comparator<RunbookView> BY_SEVERITY_THEN_TITLE = Comparator
            .comparing((RunbookView v) -> v.severity() == null ? "P9" : v.severity())
            .thenComparing(RunbookView::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RunbookView::url);

    /** What needs attention first: failing, then review overdue, then unverified, then verified. */
    public static final Comparator<RunbookView> BY_ATTENTION = Comparator
            .comparingInt(Views::attentionRank)
            .thenComparing(BY_SEVERITY_THEN_TITLE);

    static int attentionRank(RunbookView view) {
        if (view.status().key().equals("failing")) {
            return 0;
        }
        if (view.status().overdue()) {
            return 1;
        }
        return view.status().key().equals("unverified") ? 2 : 3;
    }

    /**
     * The runbooks before and after each one within its (first) service, in the index's order; keyed by
     * page URL. A runbook alone in its service has neither.
     */
    public static Map<String, List<TagLink>> neighbours(List<RunbookView> all) {
        Map<String, List<TagLink>> out = new java.util.HashMap<>();
        for (ServiceGroup group : byService(all)) {
            List<RunbookView> list = group.runbooks();
            for (int i = 0; i < list.size(); i++) {
                RunbookView view = list.get(i);
                String home = view.services().isEmpty() ? NO_SERVICE : view.services().get(0);
                if (!home.equalsIgnoreCase(group.name())) {
                    continue; // a runbook of two services steps through the first one's list
                }
                TagLink previous = i > 0 ? new TagLink(list.get(i - 1).title(), list.get(i - 1).url()) : null;
                TagLink next = i + 1 < list.size() ? new TagLink(list.get(i + 1).title(), list.get(i + 1).url()) : null;
                out.put(view.url(), java.util.Arrays.asList(previous, next));
            }
        }
        return out;
    }

    /**
     * What the page shows around its text.
     *
     * @param editUrl     the configured template with {@code {path}}, or null
     * @param neighbours  previous and next (either may be null), or null
     */
    private static final java.util.regex.Pattern WEB_URL = java.util.regex.Pattern.compile("(?i)^https?://.*");

    public static PageNav pageNav(String sourcePath, String editUrl, String lastChanged, List<TagLink> neighbours) {
        List<String> segments = List.of(sourcePath.split("/"));
        // Only web links: the setting is the site owner's, but a javascript: URL must never reach a page.
        String edit = editUrl == null || !WEB_URL.matcher(editUrl).matches() ? null
                : editUrl.replace("{path}", encodePath(sourcePath));
        TagLink previous = neighbours == null ? null : neighbours.get(0);
        TagLink next = neighbours == null ? null : neighbours.get(1);
        return new PageNav(segments, edit, lastChanged, previous, next);
    }

    /** Each segment percent-encoded as a URL path segment (a space is %20, a slash stays a separator). */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** The panel of a page's findings, or null when it has none (the template then shows nothing). */
    public static FindingsPanel findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return null;
        }
        List<Finding> sorted = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER))
                .toList();
        long errors = sorted.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = sorted.stream().filter(f -> f.severity() == Severity.WARNING).count();
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        String summary = sorted.size() + (sorted.size() == 1 ? " validation finding" : " validation findings")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        return new FindingsPanel(summary, sorted.get(0).severity().label(), sorted.stream()
                .map(f -> new FindingView(f.severity().label(), f.line(), f.column(), f.ruleId(), f.message(), f.hint()))
                .toList());
    }
}
