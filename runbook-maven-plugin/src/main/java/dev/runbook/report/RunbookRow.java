package dev.runbook.report;

import dev.runbook.status.RunbookStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * One runbook as the reviewer sees it in the gate report.
 *
 * @param newFindings its findings that the baseline did not have (0 without a baseline)
 */
public record RunbookRow(
        String path,
        String pageUrl,
        String title,
        String owner,
        List<String> services,
        String severity,
        RunbookStatus status,
        LocalDate lastReviewed,
        int errors,
        int warnings,
        int todos,
        int newFindings,
        boolean blocking) {

    public RunbookRow {
        services = List.copyOf(services);
    }

    public boolean needsAction() {
        return blocking || errors > 0 || todos > 0 || status.reviewOverdue()
                || status.verification() == dev.runbook.status.Verification.FAILING;
    }
}
