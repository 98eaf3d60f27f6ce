package dev.runbook.report;

import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;
import dev.runbook.status.StatusSource;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the gate reads; it runs neither validation nor smoke checks itself.
 *
 * @param baseline         the comparison point, or null
 * @param smokeEnvironment the environment the smoke results came from, or null when there are none
 */
public record GateInput(List<Runbook> runbooks, List<Finding> findings, StatusSource status, LocalDate buildDate,
                        GateBaseline baseline, String smokeEnvironment) {

    public GateInput {
        runbooks = List.copyOf(runbooks);
        findings = List.copyOf(findings);
    }
}
