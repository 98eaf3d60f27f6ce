package dev.runbook.validate.policy;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.policy.FailOn;

import java.util.List;

/**
 * What the validator concluded: the findings that count ({@code findings}, sorted), and those the
 * baseline accepted ({@code baselined}), which are reported for information but never fail the build.
 */
public record ValidationResult(List<Finding> findings, List<Finding> baselined) {

    public ValidationResult {
        findings = List.copyOf(findings);
        baselined = List.copyOf(baselined);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The findings at or above the fail-on level. */
    public List<Finding> failing(FailOn failOn) {
        return findings.stream().filter(failOn::fails).toList();
    }
}
