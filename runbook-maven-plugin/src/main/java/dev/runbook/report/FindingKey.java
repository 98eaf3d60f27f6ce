package dev.runbook.report;

import dev.runbook.findings.Finding;

/**
 * How a finding is recognised across two runs: same rule, same file, same message. The line is left out
 * on purpose — an edit above a finding moves it without making it new.
 */
record FindingKey(String ruleId, String file, String message) {

    static FindingKey of(Finding finding) {
        return new FindingKey(finding.ruleId(), finding.file(), finding.message().strip());
    }
}
