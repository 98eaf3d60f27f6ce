package dev.runbook.report;

import dev.runbook.findings.Finding;

import java.util.List;
import java.util.Map;

/**
 * The state a release is compared with: its findings, and (when the baseline is an earlier gate report)
 * a content hash per runbook so edited pages show up even when they have no findings.
 */
public record GateBaseline(String label, List<Finding> findings, Map<String, String> runbookHashes) {

    public GateBaseline {
        findings = List.copyOf(findings);
        runbookHashes = Map.copyOf(runbookHashes);
    }
}
