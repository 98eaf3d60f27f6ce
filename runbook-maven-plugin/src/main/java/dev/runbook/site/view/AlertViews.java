package dev.runbook.site.view;

import dev.runbook.alerts.AlertLink;
import dev.runbook.alerts.AlertLinks;
import dev.runbook.alerts.AlertRule;
import dev.runbook.model.Runbook;
import dev.runbook.site.layout.SiteLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The alert panel of a runbook page and the model of {@code alerts.html}, from the one alert cross-check. */
public final class AlertViews {

    /** {@code alerts.html}: broken first, then missing, external, linked; by name within each. */
    private static final Comparator<AlertView> ORDER = Comparator
            .comparingInt((AlertView v) -> switch (v.status()) {
                case "broken" -> 0;
                case "missing" -> 1;
                case "external" -> 2;
                default -> 3;
            })
            .thenComparing(AlertView::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(AlertView::source);

    private final SiteLayout layout;
    private final Map<String, Runbook> runbooks;
    /** @param runbooks the runbooks the site publishes, by path (a draft left out gets no link) */
    public AlertViews(SiteLayout layout, Map<String, Runbook> runbooks) {
        this.layout = layout;
        this.runbooks = runbooks;
    }

    /** The alerts whose runbook_url leads to this runbook, in rule-file order; empty when none does. */
    public List<AlertView> panel(AlertLinks links, String relativePath) {
        if (links == null) {
            return List.of();
        }
        return links.byRunbook().getOrDefault(relativePath, List.of()).stream().map(this::view).toList();
    }

    public AlertsPage page(AlertLinks links) {
        List<AlertView> views = new ArrayList<>(links.links().stream().map(this::view).toList());
        views.sort(ORDER);
        return new AlertsPage(views, (int) links.count(AlertLink.Status.LINKED), (int) links.count(AlertLink.Status.MISSING),
                (int) (links.count(AlertLink.Status.BROKEN) + links.count(AlertLink.Status.BROKEN_ANCHOR)),
                (int) links.count(AlertLink.Status.EXTERNAL), links.rules().files().stream().map(AlertViews::shown).toList());
    }

    private AlertView view(AlertLink link) {
        AlertRule rule = link.alert();
        String page = null;
        String title = null;
        if (link.runbook() != null && runbooks.containsKey(link.runbook())) {
            String pageOf = layout.pageOf(link.runbook());
            if (pageOf != null) {
                page = SiteLayout.href(pageOf);
                title = runbooks.get(link.runbook()).title();
            }
        }
        List<AlertView.LabelView> labels = rule.labels().entrySet().stream()
                .map(e -> new AlertView.LabelView(e.getKey(), e.getValue())).toList();
        return new AlertView(rule.name(), link.status().label(), rule.expr().strip(), rule.forDuration(), rule.severity(), labels,
                shown(rule.file()) + ":" + rule.at().line(), rule.runbookUrl(), page, title,
                link.status() == AlertLink.Status.LINKED ? null : link.detail());
    }

    /** A rule file as readers know it: {@code ../alerts/x.yaml} (from the content folder) shows as {@code alerts/x.yaml}. */
    static String shown(String file) {
        String normal = Path.of(file).normalize().toString().replace('\\', '/');
        while (normal.startsWith("../")) {
            normal = normal.substring(3);
        }
        return normal;
    }
}
