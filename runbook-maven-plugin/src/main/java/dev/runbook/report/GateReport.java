package dev.runbook.report;

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

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The one paragraph a failing build prints: what failed and which runbooks block the release. */
    public String explanation() {
        if (passed) {
            int accepted = findings.size() - sinceBaseline.newFindings().size();
            return "Release gate passed: " + count(totals.runbooks(), "runbook") + ", " + totals.verified() + " verified, "
                    + count(totals.errors(), "error") + ", " + count(totals.warnings(), "warning") + ", " + totals.reviewOverdue()
                    + " overdue for review" + (sinceBaseline.present() && accepted > 0
                    ? "; " + accepted + " older findings were accepted by the baseline " + sinceBaseline.baselineLabel() : "")
                    + ".";
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
