package dev.runbook.status;

import dev.runbook.model.Runbook;

/**
 * Tells each runbook's status. The smoke package supplies one backed by {@code smoke-results.json};
 * {@link #reviewOnly} knows no smoke results and says every runbook is unverified.
 */
public interface StatusSource {

    RunbookStatus statusOf(Runbook runbook);

    static StatusSource reviewOnly(ReviewSchedule schedule, java.time.LocalDate today) {
        return runbook -> new RunbookStatus(Verification.UNVERIFIED, null,
                schedule.isOverdue(runbook.frontMatter(), today), schedule.dueDate(runbook.frontMatter()).orElse(null),
                java.util.List.of());
    }
}
