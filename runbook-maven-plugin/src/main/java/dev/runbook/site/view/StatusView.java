package dev.runbook.site.view;

import java.util.List;

/**
 * A runbook's status as the page shows it: a word (never colour alone), a detail line, and the failing
 * checks. {@code key} is one of verified, failing, unverified (CSS class and filter value).
 */
public record StatusView(String key, String label, String detail, List<String> failures, boolean overdue,
                         String reviewDue) {

    public StatusView {
        failures = List.copyOf(failures);
    }
}
