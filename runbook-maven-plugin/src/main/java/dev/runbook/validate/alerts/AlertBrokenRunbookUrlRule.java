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
 * {@code alert.broken-runbook-url}: a {@code runbook_url} under one of the {@code alertRunbookBases} that maps to
 * no runbook, or to a runbook without the {@code #fragment}'s heading. The on-call engineer paged at night
 * gets a 404 there. Reported at the {@code runbook_url} value; the hint names the closest page or anchor.
 */
public final class AlertBrokenRunbookUrlRule extends AlertCrossCheckRule {

    public static final String ID = "alert.broken-runbook-url";

    public AlertBrokenRunbookUrlRule(AlertSettings settings) {
        super(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "An alert's runbook_url leads to no runbook, or to a runbook without its #anchor");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void report(AlertLinks links, ValidationContext context, FindingSink sink) {
        for (AlertLink link : links.links()) {
            AlertRule alert = link.alert();
            String hint;
            if (link.status() == AlertLink.Status.BROKEN) {
                hint = link.suggestion() == null ? "write the runbook there, or correct the URL"
                        : "did you mean " + link.suggestion() + "?";
            } else if (link.status() == AlertLink.Status.BROKEN_ANCHOR) {
                hint = link.suggestion() == null ? "link to one of the headings of " + link.runbook()
                        : "did you mean #" + link.suggestion() + "?";
            } else {
                continue;
            }
            sink.report(new Finding(ID, defaultSeverity(), alert.file(), alert.urlAt().line(), alert.urlAt().column(),
                    "alert " + alert.name() + ": runbook_url " + alert.runbookUrl() + " is broken: " + link.detail(), hint));
        }
    }
}
