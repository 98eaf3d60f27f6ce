package dev.runbook.status;

import dev.runbook.model.Runbook;

/**
 * Tells each runbook's status. The smoke package supplies one backed by {@code smoke-results.json};
 * {@link #reviewOnly} knows no smoke results and says every runbook is unverified.
 */
public interface StatusSource {

    RunbookStatus statusOf(Runbook runbook);

    /**
     * The next instant at which {@link #statusOf} may answer differently with nothing else changing (a smoke
     * run ageing past the maximum age), or null when the answers only change with the inputs.
     */
    default java.time.Instant changesAt() {
        return null;
    }

    /** The last result of each of the runbook's smoke blocks that has one for its current text, in page order. */
    default java.util.List<CheckStatus> checksOf(Runbook runbook) {
        return java.util.List.of();
    }

    /** The environment the smoke results behind these statuses came from, or null when there are none. */
    default String smokeEnvironment() {
        return null;
    }

    static StatusSource reviewOnly(ReviewSchedule schedule, java.time.LocalDate today) {
        return runbook -> new RunbookStatus(Verification.UNVERIFIED, null,
                schedule.isOverdue(runbook.frontMatter(), today), schedule.dueDate(runbook.frontMatter()).orElse(null),
                java.util.List.of());
    }
}
