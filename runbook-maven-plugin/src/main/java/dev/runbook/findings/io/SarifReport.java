package dev.runbook.findings.io;

import dev.runbook.core.AtomicFiles;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
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

    private SarifReport() {
    }

    public static void write(ValidationReport report, String toolVersion, Path file) throws IOException {
        write(report, ReportKeys.of(report), toolVersion, file);
    }

    /** As {@link #write(ValidationReport, String, Path)}, with the run id and fingerprints the run derived once. */
    public static void write(ValidationReport report, ReportKeys keys, String toolVersion, Path file) throws IOException {
        // Streamed, not built as a tree: a page with 100,000 broken links gives 100,000 results, and the tree
        // plus its text would need several times the heap the findings themselves take.
        AtomicFiles.write(file, out -> {
            try (PrettyJson json = new PrettyJson(out)) {
                json.startObject();
                json.stringField("$schema", SCHEMA);
                json.stringField("version", "2.1.0");
                json.field("runs").startArray();
                json.startObject();
                // The same id as findings.json and the JUnit XML of this run ("category/instance", as SARIF asks).
                json.field("automationDetails").startObject();
                json.stringField("id", "runbook-validate/" + keys.runId());
                json.endObject();
                json.field("tool").startObject();
                json.field("driver").startObject();
                json.stringField("name", "runbook-maven-plugin");
                json.stringField("version", toolVersion);
                json.field("rules").startArray();
                Map<String, Integer> ruleIndex = new HashMap<>();
                for (RuleInfo rule : report.rules()) {
                    ruleIndex.put(rule.id(), ruleIndex.size());
                    writeRule(json, rule);
                }
                json.endArray();
                json.endObject();
                json.endObject();
                json.field("originalUriBaseIds").startObject();
                json.field(BASE_ID).startObject();
                json.field("description").startObject();
                json.stringField("text",
                        "The repository root (the nearest folder above the project that holds .git, else the project folder).");
                json.endObject();
                json.endObject();
                json.endObject();
                json.field("results").startArray();
                List<Finding> findings = report.findings();
                for (int i = 0; i < findings.size(); i++) {
                    writeResult(json, report, findings.get(i), ruleIndex, keys.finding(i));
                }
                json.endArray();
                json.endObject();
                json.endArray();
                json.endObject();
                json.raw('\n');
            }
        });
    }

    private static void writeRule(PrettyJson json, RuleInfo rule) throws IOException {
        json.startObject();
        json.stringField("id", rule.id());
        json.field("shortDescription").startObject();
        json.stringField("text", rule.description());
        json.endObject();
        // No helpUri: the project publishes no docs site yet, and a guessed address is worse than none.
        String sentence = rule.description().endsWith(".") ? rule.description() : rule.description() + ".";
        json.field("help").startObject();
        json.stringField("text", sentence + " See docs/validate.md#" + rule.docsAnchor()
                + " in the plugin's documentation.");
        json.endObject();
        json.field("defaultConfiguration").startObject();
        json.stringField("level", level(rule.defaultSeverity()));
        json.endObject();
        json.endObject();
    }

    // A method of its own, and the loop that calls it as short as can be: that loop runs once, interpreted.
    private static void writeResult(PrettyJson json, ValidationReport report, Finding f, Map<String, Integer> ruleIndexes,
                                    String fingerprint) throws IOException {
        Integer ruleIndex = ruleIndexes.get(f.ruleId());
        json.startObject();
        json.stringField("ruleId", f.ruleId());
        if (ruleIndex != null) {
            json.numberField("ruleIndex", ruleIndex);
        }
        json.stringField("level", level(f.severity()));
        json.field("message").startObject();
        json.stringField("text", f.message() + (f.hint() == null || f.hint().isBlank() ? "" : " — fix: " + f.hint()));
        json.endObject();
        json.field("locations").startArray();
        json.startObject();
        json.field("physicalLocation").startObject();
        json.field("artifactLocation").startObject();
        json.stringField("uri", uriPath(report.repositoryPath(f.file())));
        json.stringField("uriBaseId", BASE_ID);
        json.endObject();
        json.field("region").startObject();
        json.numberField("startLine", f.line());
        json.numberField("startColumn", f.column());
        json.endObject();
        json.endObject();
        json.endObject();
        json.endArray();
        json.field("partialFingerprints").startObject();
        json.stringField("runbookFingerprint/v1", fingerprint);
        json.endObject();
        json.endObject();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** The ASCII characters a URI path segment may hold as they are (unreserved, sub-delims, ':', '@') and '/'. */
    private static final boolean[] URI_SAFE = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            URI_SAFE[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
        }
    }

    /** A relative path as a URI reference: each segment percent-encoded where needed (spaces, '#', '%'). */
    static String uriPath(String path) {
        int plain = 0;
        while (plain < path.length() && path.charAt(plain) < 128 && URI_SAFE[path.charAt(plain)]) {
            plain++;
        }
        if (plain == path.length()) { // nearly every path: returned as it is, once per finding
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && URI_SAFE[c]) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
