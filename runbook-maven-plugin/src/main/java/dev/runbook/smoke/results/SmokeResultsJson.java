package dev.runbook.smoke.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.AtomicFiles;
import dev.runbook.secrets.Redactor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/runbook/smoke-results.json}: written atomically, every text through the redactor, read
 * back by the site's status source and the gate report.
 */
public final class SmokeResultsJson {

    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SmokeResultsJson() {
    }

    public static void write(Path file, SmokeResults run, Redactor redactor) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        // The plugin jar's manifest (Implementation-Version, the POM version); absent when run from classes.
        String pluginVersion = SmokeResultsJson.class.getPackage().getImplementationVersion();
        if (pluginVersion != null) {
            root.put("pluginVersion", pluginVersion);
        }
        root.put("environment", run.environment());
        root.put("startedAt", run.startedAt().toString());
        root.put("durationMs", run.durationMs());
        ObjectNode counts = root.putObject("counts");
        for (Outcome o : Outcome.values()) {
            counts.put(o.label(), run.count(o));
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : run.results()) {
            ObjectNode c = checks.addObject();
            c.put("runbook", r.runbook());
            c.put("line", r.line());
            c.put("name", redactor.redact(r.name()));
            c.put("fingerprint", r.fingerprint());
            c.put("outcome", r.outcome().label());
            c.put("durationMs", r.durationMs());
            c.put("message", redactor.redact(r.message()));
            c.put("environment", r.environment());
            c.put("time", r.time().toString());
            c.put("attempts", r.attempts());
            ArrayNode steps = c.putArray("steps");
            for (StepResult step : r.steps()) {
                ObjectNode s = steps.addObject();
                s.put("probe", redactor.redact(step.label()));
                s.put("outcome", step.outcome().label());
                s.put("message", redactor.redact(step.message()));
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static SmokeResults read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject() || !root.path("checks").isArray()) {
            throw new IOException(file + " is not a smoke results file");
        }
        List<CheckResult> results = new ArrayList<>();
        for (JsonNode c : root.path("checks")) {
            List<StepResult> steps = new ArrayList<>();
            for (JsonNode s : c.path("steps")) {
                steps.add(new StepResult(s.path("probe").asText(), Outcome.parse(s.path("outcome").asText("skipped")),
                        s.path("message").asText("")));
            }
            results.add(new CheckResult(c.path("runbook").asText(), c.path("line").asInt(), c.path("name").asText(),
                    c.path("fingerprint").asText(), Outcome.parse(c.path("outcome").asText("skipped")),
                    c.path("durationMs").asLong(), c.path("message").asText(""), c.path("environment").asText(),
                    Instant.parse(c.path("time").asText(root.path("startedAt").asText())), c.path("attempts").asInt(), steps));
        }
        return new SmokeResults(root.path("environment").asText(), Instant.parse(root.path("startedAt").asText()),
                root.path("durationMs").asLong(), results);
    }
}
