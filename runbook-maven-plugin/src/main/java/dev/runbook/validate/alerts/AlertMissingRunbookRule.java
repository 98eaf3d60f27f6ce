package dev.runbook.validate.alerts;

import dev.runbook.alerts.AlertLink;
import dev.runbook.alerts.AlertLinks;
import dev.runbook.alerts.AlertRule;
import dev.runbook.alerts.AlertSettings;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.ValidationContext;

/**
 * {@code alert.missing-runbook}: an alerting rule with no {@code runbook_url} annotation, or one whose value
 * is not an http(s) URL ({@code NA}, an unexpanded template). A URL under none of the
 * {@code alertRunbookBases} is not reported: it leads to another site's page, which the plugin cannot judge
 * ({@code alerts.html} lists it as external). Reported at the rule's {@code alert:} line.
 */
public final class AlertMissingRunbookRule extends AlertCrossCheckRule {

    public static final String ID = "alert.missing-runbook";

    public AlertMissingRunbookRule(AlertSettings settings) {
        super(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "An alerting rule without a runbook_url annotation, or with one that is not an http(s) URL");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void report(AlertLinks links, ValidationContext context, FindingSink sink) {
        // One line on what the cross-check saw (this rule always runs with alertRules, so it says it once).
        long external = links.count(AlertLink.Status.EXTERNAL);
        long withUrl = links.links().stream().filter(l -> l.status() != AlertLink.Status.MISSING).count();
        context.log().info("runbook: validate: alerts: " + links.links().size() + " in " + links.rules().files().size()
                + " rule files; " + links.count(AlertLink.Status.LINKED) + " linked, " + links.count(AlertLink.Status.MISSING)
                + " missing, " + (links.count(AlertLink.Status.BROKEN) + links.count(AlertLink.Status.BROKEN_ANCHOR))
                + " broken, " + external + " external; " + links.orphans().size() + " orphan runbooks");
        if (withUrl > 0 && external == withUrl) {
            context.log().warn("runbook: validate: none of the " + withUrl + " runbook_urls starts with an alertRunbookBases"
                    + " prefix, so none was checked; compare a runbook_url such as " + links.links().stream()
                    .filter(l -> l.status() == AlertLink.Status.EXTERNAL).findFirst().map(l -> l.alert().runbookUrl()).orElse("")
                    + " with the configured prefixes");
        }
        for (AlertLink link : links.links()) {
            if (link.status() != AlertLink.Status.MISSING) {
                continue;
            }
            AlertRule alert = link.alert();
            AlertRule.Position at = alert.runbookUrl() == null ? alert.at() : alert.urlAt();
            String hint = link.suggestion() != null
                    ? link.suggestion() + " looks like its runbook: add a runbook_url annotation that leads there"
                    : "write a runbook for it and add annotations: runbook_url: <its URL>";
            sink.report(new Finding(ID, defaultSeverity(), alert.file(), at.line(), at.column(),
                    "alert " + alert.name() + " has no runbook: " + link.detail(), hint));
        }
    }
}
