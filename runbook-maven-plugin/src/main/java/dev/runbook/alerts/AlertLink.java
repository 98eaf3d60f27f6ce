package dev.runbook.alerts;

/**
 * One alert and what its {@code runbook_url} leads to.
 *
 * @param alert      the rule
 * @param status     see {@link Status}
 * @param runbook    the page it leads to (LINKED, BROKEN_ANCHOR), else null
 * @param suggestion the closest page (BROKEN), anchor (BROKEN_ANCHOR) or a page named after the alert (MISSING); may be null
 * @param detail     what was looked for: the candidate paths, the anchor, or why the value is not a URL
 * @param pages      every page the runbook_url leads to: {@code runbook} and, for a templated runbook_url that
 *                   chooses between several URLs ({@code {{if ...}}url1{{else}}url2{{end}}}), the others
 */
public record AlertLink(AlertRule alert, Status status, String runbook, String suggestion, String detail, java.util.List<String> pages) {

    public AlertLink {
        pages = pages == null ? (runbook == null ? java.util.List.of() : java.util.List.of(runbook)) : java.util.List.copyOf(pages);
    }

    public AlertLink(AlertRule alert, Status status, String runbook, String suggestion, String detail) {
        this(alert, status, runbook, suggestion, detail, null);
    }

    public enum Status {
        /** runbook_url leads to a runbook (and its anchor, if any, exists). */
        LINKED,
        /** no runbook_url annotation, or one that holds no http(s) URL ({@code NA}). */
        MISSING,
        /** runbook_url is under a configured base but no runbook is there. */
        BROKEN,
        /** the runbook exists but has no heading for the {@code #fragment}. */
        BROKEN_ANCHOR,
        /** runbook_url is under no configured base: another site's page, not judged. */
        EXTERNAL;

        /** The word {@code alerts.html} shows. */
        public String label() {
            return switch (this) {
                case LINKED -> "linked";
                case MISSING -> "missing";
                case BROKEN, BROKEN_ANCHOR -> "broken";
                case EXTERNAL -> "external";
            };
        }
    }
}
