package dev.runbook.site.view;

import java.util.List;

/**
 * One alerting rule as the alert panel of its runbook and {@code alerts.html} show it; every value a plain
 * string, escaped by the template.
 *
 * @param status      {@code linked}, {@code missing}, {@code broken} or {@code external}
 * @param forDuration the rule's {@code for}, or null
 * @param severity    the {@code severity} label, or null
 * @param labels      every label of the rule (severity included), in file order
 * @param source      the rule file and line, e.g. {@code alerts/db.yaml:12}
 * @param runbookUrl  the runbook_url as written, or null
 * @param runbook     the site page of its runbook, relative to the site root, or null
 * @param runbookTitle that runbook's title, or null
 * @param detail      why the status is not {@code linked} (what was looked for), or null
 */
public record AlertView(String name, String status, String expr, String forDuration, String severity, List<LabelView> labels,
                        String source, String runbookUrl, String runbook, String runbookTitle, String detail) {

    public AlertView {
        labels = List.copyOf(labels);
    }

    /** One label of a rule. */
    public record LabelView(String name, String value) {
    }
}
