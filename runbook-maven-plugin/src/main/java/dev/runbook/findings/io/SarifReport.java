package dev.runbook.findings.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runbook.core.AtomicFiles;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Fingerprint;
import dev.runbook.findings.ValidationReport;
import dev.runbook.findings.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
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

    private SarifReport() {
    }

    public static void write(ValidationReport report, String toolVersion, Path file) throws IOException {
        // Streamed, not built as a tree: a page with 100,000 broken links gives 100,000 results, and the tree
        // plus its text would need several times the heap the findings themselves take.
        AtomicFiles.write(file, out -> {
            try (JsonGenerator json = StreamedJson.prettyGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("$schema", SCHEMA);
                json.writeStringField("version", "2.1.0");
                json.writeArrayFieldStart("runs");
                json.writeStartObject();
                // The same id as findings.json and the JUnit XML of this run ("category/instance", as SARIF asks).
                json.writeObjectFieldStart("automationDetails");
                json.writeStringField("id", "runbook-validate/" + report.runId());
                json.writeEndObject();
                json.writeObjectFieldStart("tool");
                json.writeObjectFieldStart("driver");
                json.writeStringField("name", "runbook-maven-plugin");
                json.writeStringField("version", toolVersion);
                json.writeArrayFieldStart("rules");
                Map<String, Integer> ruleIndex = new HashMap<>();
                for (RuleInfo rule : report.rules()) {
                    ruleIndex.put(rule.id(), ruleIndex.size());
                    writeRule(json, rule);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
                json.writeObjectFieldStart("originalUriBaseIds");
                json.writeObjectFieldStart(BASE_ID);
                json.writeObjectFieldStart("description");
                json.writeStringField("text",
                        "The repository root (the nearest folder above the project that holds .git, else the project folder).");
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeArrayFieldStart("results");
                for (Finding f : report.findings()) {
                    writeResult(json, report, f, ruleIndex.get(f.ruleId()));
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
            }
        });
    }

    private static void writeRule(JsonGenerator json, RuleInfo rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", rule.description());
        json.writeEndObject();
        // No helpUri: the project publishes no docs site yet, and a guessed address is worse than none.
        String sentence = rule.description().endsWith(".") ? rule.description() : rule.description() + ".";
        json.writeObjectFieldStart("help");
        json.writeStringField("text", sentence + " See docs/validate.md#" + rule.docsAnchor()
                + " in the plugin's documentation.");
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.defaultSeverity()));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, ValidationReport report, Finding f, Integer ruleIndex)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(f.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", f.message() + (f.hint() == null || f.hint().isBlank() ? "" : " — fix: " + f.hint()));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uriPath(report.repositoryPath(f.file())));
        json.writeStringField("uriBaseId", BASE_ID);
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", f.line());
        json.writeNumberField("startColumn", f.column());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("runbookFingerprint/v1", Fingerprint.of(f));
        json.writeEndObject();
        json.writeEndObject();
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
