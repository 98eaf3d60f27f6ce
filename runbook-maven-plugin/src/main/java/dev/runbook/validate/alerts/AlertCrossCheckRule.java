package dev.runbook.validate.alerts;

import dev.runbook.alerts.AlertLinks;
import dev.runbook.alerts.AlertSettings;
import dev.runbook.core.SetupException;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * What the four {@code alert.*} rules share: they run only when {@code alertRules} is configured, and they
 * report from the one cross-check of the content ({@link AlertLinks#of}, computed once for all four).
 */
abstract class AlertCrossCheckRule implements Rule {

    private final AlertSettings settings;

    AlertCrossCheckRule(AlertSettings settings) {
        this.settings = settings == null ? AlertSettings.OFF : settings;
    }

    @Override
    public final void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        // Alert rules look across all pages: see checkAll.
    }

    @Override
    public final void checkAll(ValidationContext context, FindingSink sink) {
        if (!settings.enabled()) {
            return;
        }
        AlertLinks links;
        try {
            links = AlertLinks.of(settings, context.content());
        } catch (SetupException e) {
            throw new IllegalStateException(e.getMessage(), e); // ValidationRun checks the globs before the rules run.
        }
        report(links, context, sink);
    }

    abstract void report(AlertLinks links, ValidationContext context, FindingSink sink);
}
