package dev.runbook.gate;

import dev.runbook.findings.Finding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The reviewers' verdict on the runbooks: pass or fail with the policy lines that failed, totals, one row
 * per runbook, what is new since the baseline, and what each owner must fix.
 */
public record GateReport(
        LocalDate buildDate,
        boolean passed,
        List<PolicyViolation> violations,
        Totals totals,
        List<RunbookRow> runbooks,
        List<Finding> findings,
        BaselineComparison sinceBaseline,
        Map<String, List<RunbookRow>> byOwner,
        String smokeEnvironment) {

    public GateReport {
        violations = List.copyOf(violations);
        runbooks = List.copyOf(runbooks);
        findings = List.copyOf(findings);
        byOwner = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byOwner));
    }

    /** Counts across all runbooks. */
    public record Totals(int runbooks, int verified, int failing, int unverified, int reviewOverdue, int errors,
                         int warnings, int todos) {
    }

    /** The one paragraph a failing build prints: what failed and which runbooks block the release. */
    public String explanation() {
        if (passed) {
            return "Release gate passed: " + totals.runbooks() + " runbooks, " + totals.verified() + " verified, "
                    + totals.errors() + " errors, " + totals.reviewOverdue() + " overdue for review.";
        }
        StringBuilder text = new StringBuilder("Release gate failed.");
        for (PolicyViolation violation : violations) {
            text.append(' ').append(violation.explanation());
            if (!violation.blockingRunbooks().isEmpty()) {
                text.append(" Blocking: ").append(String.join(", ", violation.blockingRunbooks())).append('.');
            }
        }
        return text.toString();
    }
}
