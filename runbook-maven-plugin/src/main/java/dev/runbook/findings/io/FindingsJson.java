package dev.runbook.findings.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.AtomicFiles;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Fingerprint;
import dev.runbook.findings.ValidationReport;
import dev.runbook.findings.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code target/runbook/findings.json}, read by the site, the gate report and the next run's baseline.
 * Schema (version 1): {@code version}, {@code runId} (shared with the SARIF and JUnit XML of the same run), {@code pluginVersion} (the plugin that wrote it; absent when unknown), {@code buildDate}, {@code contentPrefix}, {@code runbooks} (paths),
 * {@code counts} ({@code error}, {@code warning}, {@code info}), {@code countsByRule},
 * {@code findings[]} and {@code baselined[]}, each finding with {@code ruleId}, {@code severity},
 * {@code file}, {@code line}, {@code column}, {@code message}, {@code hint} (may be absent) and
 * {@code fingerprint}.
 */
public final class FindingsJson {

    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a findings.json holds. */
    public record Contents(int version, LocalDate buildDate, String contentPrefix, List<String> runbooks,
                           List<Finding> findings, List<Finding> baselined) {
    }

    private FindingsJson() {
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        write(report, null, file);
    }

    /** @param pluginVersion the version of the plugin writing the file, or null when unknown (then left out) */
    public static void write(ValidationReport report, String pluginVersion, Path file) throws IOException {
        write(report, ReportKeys.of(report), pluginVersion, file);
    }

    /** As {@link #write(ValidationReport, String, Path)}, with the run id and fingerprints the run derived once. */
    public static void write(ValidationReport report, ReportKeys keys, String pluginVersion, Path file) throws IOException {
        // Streamed, not built as a tree: 100,000 findings must not need several times their own size in heap.
        AtomicFiles.write(file, out -> {
            try (PrettyJson json = new PrettyJson(out)) {
                json.startObject();
                json.numberField("version", VERSION);
                json.stringField("runId", keys.runId());
                if (pluginVersion != null && !pluginVersion.isBlank()) {
                    json.stringField("pluginVersion", pluginVersion);
                }
                json.stringField("buildDate", report.buildDate().toString());
                json.stringField("contentPrefix", report.contentPrefix());
                json.field("runbooks").startArray();
                for (String runbook : report.runbooks()) {
                    json.string(runbook);
                }
                json.endArray();
                json.field("counts").startObject();
                for (Severity severity : Severity.values()) {
                    json.numberField(severity.label(), report.count(severity));
                }
                json.endObject();
                json.field("countsByRule").startObject();
                for (var entry : report.countsByRule().entrySet()) {
                    json.numberField(entry.getKey(), entry.getValue());
                }
                json.endObject();
                writeFindings(json, "findings", report.findings(), keys::finding);
                writeFindings(json, "baselined", report.baselined(), keys::baselined);
                json.endObject();
                json.raw('\n');
            }
        });
    }

    private static void writeFindings(PrettyJson json, String field, List<Finding> findings,
                                      IntFunction<String> fingerprints) throws IOException {
        json.field(field).startArray();
        FieldSink<IOException> fields = new FieldSink<>() {
            @Override
            public void string(String name, String value) throws IOException {
                json.stringField(name, value);
            }

            @Override
            public void number(String name, int value) throws IOException {
                json.numberField(name, value);
            }
        };
        for (int i = 0; i < findings.size(); i++) {
            writeFinding(json, fields, findings.get(i), fingerprints.apply(i));
        }
        json.endArray();
    }

    // A method of its own, not the loop's body: the JIT compiles a method after a few thousand calls, but a
    // loop that runs once with 25,000 turns stays interpreted (measured: a third of this file's time).
    private static void writeFinding(PrettyJson json, FieldSink<IOException> fields, Finding f, String fingerprint)
            throws IOException {
        json.startObject();
        fields(f, fingerprint, fields);
        json.endObject();
    }

    /** Where {@link #fields} puts a finding's fields: findings.json's streamed writer, or a tree for report.json. */
    private interface FieldSink<E extends Exception> {
        void string(String name, String value) throws E;

        void number(String name, int value) throws E;
    }

    /**
     * The one JSON shape of a finding, in findings.json and in the release report's report.json, in this order:
     * {@code ruleId}, {@code severity}, {@code file}, {@code line}, {@code column}, {@code message},
     * {@code hint} (absent when there is none) and {@code fingerprint}.
     */
    private static <E extends Exception> void fields(Finding f, String fingerprint, FieldSink<E> sink) throws E {
        sink.string("ruleId", f.ruleId());
        sink.string("severity", f.severity().label());
        sink.string("file", f.file());
        sink.number("line", f.line());
        sink.number("column", f.column());
        sink.string("message", f.message());
        if (f.hint() != null) {
            sink.string("hint", f.hint());
        }
        sink.string("fingerprint", fingerprint);
    }

    /** A finding in {@link #fields}' shape, as a node of the release report's report.json. */
    public static ObjectNode writeFinding(ObjectNode node, Finding f) {
        fields(f, Fingerprint.of(f), new FieldSink<RuntimeException>() {
            @Override
            public void string(String name, String value) {
                node.put(name, value);
            }

            @Override
            public void number(String name, int value) {
                node.put(name, value);
            }
        });
        return node;
    }

    /** Reads a findings.json; a file that is not one (or a newer version) is an IOException naming the file. */
    public static Contents read(Path file) throws IOException {
        Contents streamed = StreamedFindingsReader.read(file);
        return streamed != null ? streamed : readTree(file);
    }

    /** The lenient reader, for any file the streamed one does not take; the one with the error messages. */
    static Contents readTree(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not a findings.json: " + e.getMessage(), e);
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION || !root.path("findings").isArray()) {
            throw new IOException(file + " is not a findings.json of version " + VERSION);
        }
        try {
            List<String> runbooks = new ArrayList<>();
            root.path("runbooks").forEach(n -> runbooks.add(n.asText()));
            String date = root.path("buildDate").asText("");
            return new Contents(version, date.isEmpty() ? null : LocalDate.parse(date),
                    root.path("contentPrefix").asText(""), runbooks,
                    readFindings(root.path("findings")), readFindings(root.path("baselined")));
        } catch (RuntimeException e) {
            throw new IOException(file + " has a malformed entry: " + e.getMessage(), e);
        }
    }

    private static List<Finding> readFindings(JsonNode array) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode n : array) {
            JsonNode hint = n.get("hint");
            out.add(new Finding(n.path("ruleId").asText(), Severity.valueOf(n.path("severity").asText().toUpperCase(Locale.ROOT)),
                    n.path("file").asText(), n.path("line").asInt(1), n.path("column").asInt(1), n.path("message").asText(),
                    hint == null || hint.isNull() ? null : hint.asText()));
        }
        return out;
    }
}
