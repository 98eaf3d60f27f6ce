package dev.runbook.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.AtomicFiles;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.findings.io.FindingsJson;
import dev.runbook.model.Runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.json}: the gate's verdict for machines, and the baseline for the next release. Format
 * (version 1):
 * <pre>
 * { "version": 1, "buildDate": "2026-11-22", "passed": false, "smokeEnvironment": "staging",
 *   "violations": [ {"rule": "maxErrors", "explanation": "…", "blocking": ["a.md"]} ],
 *   "totals": { "runbooks": 16, "verified": 5, "failing": 1, … },
 *   "runbooks": [ {"path": "a.md", "title": "…", "owner": "…", "services": [], "severity": "P1",
 *                  "status": "verified", "reviewOverdue": false, "errors": 0, "warnings": 1, "todos": 0,
 *                  "newFindings": 0, "blocking": false, "failures": ["…"], "contentHash": "…"} ],
 *   "findings": [ {"ruleId": "…", "severity": "error", "file": "…", "line": 3, "column": 1, "message": "…", "hint": "…", "fingerprint": "…"} ],
 *   "sinceBaseline": { "baseline": "…", "newFindings": [ {finding} ], "fixedFindings": [ {finding} ],
 *                    "added": [], "changed": [], "removed": [] } }
 * </pre>
 */
public final class GateReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GateReportJson() {
    }

    public static void write(GateReport report, List<Runbook> runbooks, Path target) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        runbooks.forEach(r -> hashes.put(r.relativePath(), ContentHash.of(r)));
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("buildDate", report.buildDate().toString());
        root.put("passed", report.passed());
        root.put("smokeEnvironment", report.smokeEnvironment());
        ArrayNode violations = root.putArray("violations");
        for (PolicyViolation v : report.violations()) {
            ObjectNode node = violations.addObject();
            node.put("rule", v.rule());
            node.put("explanation", v.explanation());
            v.blockingRunbooks().forEach(node.putArray("blocking")::add);
        }
        root.set("totals", MAPPER.valueToTree(report.totals()));
        ArrayNode rows = root.putArray("runbooks");
        for (RunbookRow row : report.runbooks()) {
            ObjectNode node = rows.addObject();
            node.put("path", row.path());
            node.put("title", row.title());
            node.put("owner", row.owner());
            row.services().forEach(node.putArray("services")::add);
            node.put("severity", row.severity());
            node.put("status", row.status().verification().name().toLowerCase(Locale.ROOT));
            node.put("reviewOverdue", row.status().reviewOverdue());
            node.put("lastReviewed", row.lastReviewed() == null ? null : row.lastReviewed().toString());
            node.put("errors", row.errors());
            node.put("warnings", row.warnings());
            node.put("todos", row.todos());
            node.put("newFindings", row.newFindings());
            node.put("blocking", row.blocking());
            row.status().failures().forEach(node.putArray("failures")::add);
            node.put("contentHash", hashes.get(row.path()));
        }
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(findingNode(f)));
        BaselineComparison since = report.sinceBaseline();
        if (since.present()) {
            ObjectNode node = root.putObject("sinceBaseline");
            node.put("baseline", since.baselineLabel());
            ArrayNode added = node.putArray("newFindings");
            since.newFindings().forEach(f -> added.add(findingNode(f)));
            ArrayNode fixed = node.putArray("fixedFindings");
            since.fixedFindings().forEach(f -> fixed.add(findingNode(f)));
            since.addedRunbooks().forEach(node.putArray("added")::add);
            since.changedRunbooks().forEach(node.putArray("changed")::add);
            since.removedRunbooks().forEach(node.putArray("removed")::add);
        }
        AtomicFiles.write(target, out -> MAPPER.writeValue(out, root));
    }

    private static ObjectNode findingNode(Finding f) {
        return FindingsJson.writeFinding(MAPPER.createObjectNode(), f);
    }

    /**
     * Reads a baseline: an earlier {@code report.json} (findings and content hashes) or a
     * {@code findings.json} from {@code runbook:validate} (findings only).
     */
    public static GateBaseline readBaseline(Path file) throws SetupException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SetupException("cannot read the baseline " + file + ": " + e.getMessage()
                    + " (point runbook.report.baseline at a report.json or findings.json of an earlier build)", e);
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new SetupException("the baseline " + file + " has no \"findings\" list; is it a report.json or findings.json?");
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : root.path("findings")) {
            String rule = text(node, "ruleId", text(node, "rule", null));
            String fileName = text(node, "file", null);
            String message = text(node, "message", null);
            if (rule == null || fileName == null || message == null) {
                continue;
            }
            Severity severity = parseSeverity(text(node, "severity", "error"));
            findings.add(new Finding(rule, severity, fileName, node.path("line").asInt(1), node.path("column").asInt(1),
                    message, text(node, "hint", null)));
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (JsonNode node : root.path("runbooks")) {
            String path = text(node, "path", null);
            String hash = text(node, "contentHash", null);
            if (path != null && hash != null) {
                hashes.put(path, hash);
            }
        }
        String label = root.hasNonNull("buildDate") ? file.getFileName() + " (" + root.get("buildDate").asText() + ")"
                : file.getFileName().toString();
        return new GateBaseline(label, findings, hashes);
    }

    private static Severity parseSeverity(String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Severity.WARNING;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
