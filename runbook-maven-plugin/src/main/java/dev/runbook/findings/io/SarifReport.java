package dev.runbook.findings.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.AtomicFiles;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Fingerprint;
import dev.runbook.findings.ValidationReport;
import dev.runbook.findings.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code target/runbook/findings.sarif}, SARIF 2.1.0 for code-scanning UIs: one run whose driver lists
 * every rule (id, description, where it is documented, default level) and one result per finding, located
 * by a URI relative to the repository root ({@code uriBaseId} {@value #BASE_ID}) and carrying a stable
 * partial fingerprint. {@value #BASE_ID} is declared with a description but no absolute URI: the file is
 * the same on every machine (a build cache may restore it elsewhere), and code-scanning UIs resolve the
 * relative URIs against their own checkout. Each rule's help names {@code docs/validate.md#<rule id>}
 * (the docs carry an {@code <a id>} per rule).
 */
public final class SarifReport {

    public static final String BASE_ID = "SRCROOT";
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifReport() {
    }

    public static void write(ValidationReport report, String toolVersion, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        // The same id as findings.json and the JUnit XML of this run ("category/instance", as SARIF asks).
        run.putObject("automationDetails").put("id", "runbook-validate/" + report.runId());
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "runbook-maven-plugin");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<RuleInfo> described = report.rules();
        for (RuleInfo rule : described) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", rule.description());
            // No helpUri: the project publishes no docs site yet, and a guessed address is worse than none.
            String sentence = rule.description().endsWith(".") ? rule.description() : rule.description() + ".";
            r.putObject("help").put("text", sentence + " See docs/validate.md#" + rule.docsAnchor()
                    + " in the plugin's documentation.");
            r.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        }
        run.putObject("originalUriBaseIds").putObject(BASE_ID).putObject("description").put("text",
                "The repository root (the nearest folder above the project that holds .git, else the project folder).");
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.ruleId());
            Integer index = ruleIndex.get(f.ruleId());
            if (index != null) {
                result.put("ruleIndex", index);
            }
            result.put("level", level(f.severity()));
            String text = f.message() + (f.hint() == null || f.hint().isBlank() ? "" : " — fix: " + f.hint());
            result.putObject("message").put("text", text);
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", uriPath(report.repositoryPath(f.file())));
            artifact.put("uriBaseId", BASE_ID);
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
            result.putObject("partialFingerprints").put("runbookFingerprint/v1", Fingerprint.of(f));
        }
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative path as a URI reference: each segment percent-encoded where needed (spaces, '#', '%'). */
    static String uriPath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
