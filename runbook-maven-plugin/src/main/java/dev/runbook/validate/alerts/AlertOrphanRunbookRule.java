package dev.runbook.validate.alerts;

import dev.runbook.alerts.AlertLinks;
import dev.runbook.alerts.AlertSettings;
import dev.runbook.alerts.OrphanRunbook;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.ValidationContext;

/**
 * {@code alert.orphan-runbook}: a runbook for an alert that no rule defines: its front-matter says
 * {@code alert: Name} and no rule is named so, or it sits in a folder that alerts' runbook_urls lead into
 * (so its pages are alert runbooks), no runbook_url leads to it and no alert has its file name. The alert
 * was usually renamed or removed. Reported at the runbook: its {@code alert:} line, else its first heading.
 */
public final class AlertOrphanRunbookRule extends AlertCrossCheckRule {

    public static final String ID = "alert.orphan-runbook";

    public AlertOrphanRunbookRule(AlertSettings settings) {
        super(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A runbook for an alert (alert: in front-matter, or its file name in a folder alerts link into) that no alert rule defines");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void report(AlertLinks links, ValidationContext context, FindingSink sink) {
        for (OrphanRunbook orphan : links.orphans()) {
            Runbook runbook = context.content().byRelativePath(orphan.runbook()).orElse(null);
            // At the alert: line; else at the first heading, so a suppression comment before it covers it.
            SourcePosition at = runbook == null ? SourcePosition.START
                    : orphan.declared() ? runbook.frontMatter().positionOf("alert")
                    : runbook.headings().isEmpty() ? SourcePosition.START : runbook.headings().get(0).position();
            String message = orphan.declared()
                    ? "front-matter names alert " + orphan.alertName() + ", which no alert rule defines"
                    : "runbook for alert " + orphan.alertName() + " (its file name), but no alert rule has that name and no runbook_url leads here";
            String hint = orphan.closest() != null ? "did you mean alert " + orphan.closest() + "? (renamed alerts need their runbook renamed too)"
                    : "remove the runbook if the alert is gone, or set 'alert:' in its front-matter to the alert's name";
            sink.report(new Finding(ID, defaultSeverity(), orphan.runbook(), at, message, hint));
        }
    }
}
