package dev.runbook.findings.io;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Fingerprint;
import dev.runbook.findings.ValidationReport;

import java.util.List;

/**
 * What the reports of one run share and is costly to derive: the run id and each finding's fingerprint.
 * At 25,000 findings the run id (a hash of every finding) and the fingerprints (a hash each) cost tens of
 * milliseconds; derived once here, not once per report.
 */
public final class ReportKeys {

    private final String runId;
    private final String[] findings;
    private final String[] baselined;

    private ReportKeys(String runId, String[] findings, String[] baselined) {
        this.runId = runId;
        this.findings = findings;
        this.baselined = baselined;
    }

    public static ReportKeys of(ValidationReport report) {
        return new ReportKeys(report.runId(), fingerprints(report.findings()), fingerprints(report.baselined()));
    }

    private static String[] fingerprints(List<Finding> findings) {
        String[] out = new String[findings.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fingerprint.of(findings.get(i));
        }
        return out;
    }

    String runId() {
        return runId;
    }

    /** The fingerprint of {@code report.findings().get(index)}. */
    String finding(int index) {
        return findings[index];
    }

    /** The fingerprint of {@code report.baselined().get(index)}. */
    String baselined(int index) {
        return baselined[index];
    }
}
