package dev.runbook.report;

import dev.runbook.site.view.RunbookView;

import java.util.List;

/** The view records the report template reads. Plain values only; every decision is made in {@link ReportHtml}. */
public final class ReportModel {

    private ReportModel() {
    }

    /** A runbook named in the report; {@code url} (relative to the report file) is null when it has no page. */
    public record RunbookLink(String path, String title, String url) {
    }

    /** A failed policy line and the runbooks that break it. */
    public record Violation(String rule, String explanation, List<RunbookLink> blocking) {
        public Violation {
            blocking = List.copyOf(blocking);
        }
    }

    /** A finding as a table row; {@code fresh} marks one the baseline did not have. */
    public record FindingLine(String severity, String ruleId, RunbookLink runbook, int line, int column, String message,
                              String hint, boolean fresh) {
    }

    /** One runbook in the main table. */
    public record Row(RunbookLink link, RunbookView view, int errors, int warnings, int todos, int newFindings,
                      boolean blocking, boolean needsAction, String change) {
    }

    /** What one owner must fix: each runbook with its reasons in words. */
    public record OwnerGroup(String owner, List<OwnerItem> items) {
        public OwnerGroup {
            items = List.copyOf(items);
        }
    }

    public record OwnerItem(RunbookLink link, boolean blocking, List<String> reasons) {
        public OwnerItem {
            reasons = List.copyOf(reasons);
        }
    }

    /** Counts for the summary strip. */
    public record Total(String key, int count, String label) {
    }
}
