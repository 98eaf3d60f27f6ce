package dev.runbook.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A runbook's standing at a glance: verification by smoke checks, and whether its review is overdue.
 *
 * @param lastVerified when all its checks last passed, or null
 * @param reviewDue    last_reviewed + review_every, or null when the runbook was never reviewed
 * @param failures     one line per failing check, e.g. {@code API health: status (503) == 200}
 */
public record RunbookStatus(Verification verification, Instant lastVerified, boolean reviewOverdue, LocalDate reviewDue,
                            List<String> failures) {

    public RunbookStatus {
        failures = List.copyOf(failures);
    }
}
