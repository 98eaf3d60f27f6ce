package dev.runbook.findings.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a findings.json token by token, for the shape {@link FindingsJson#write} gives it: at 25,000 findings
 * the tree that {@code readTree} builds took 0.1–0.4 s of every site build and of every unchanged validate run.
 * It accepts only that shape, strictly typed; anything else (a field of another type, a missing or repeated
 * field, an unknown severity, a bad date, broken JSON) makes it answer null, and {@link FindingsJson#read}
 * reads the file as a tree instead, with that reader's lenient rules and messages. So both readers give the
 * same result for every file.
 */
final class StreamedFindingsReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StreamedFindingsReader() {
    }

    /** The contents, or null when the file is not exactly in the written shape. */
    static FindingsJson.Contents read(Path file) {
        try (JsonParser json = FACTORY.createParser(file.toFile())) {
            return contents(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static FindingsJson.Contents contents(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Integer version = null;
        String buildDate = null;
        String contentPrefix = null;
        List<String> runbooks = null;
        List<Finding> findings = null;
        List<Finding> baselined = null;
        Set<String> seen = new HashSet<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            String name = json.currentName();
            if (!seen.add(name)) {
                return null;
            }
            JsonToken value = json.nextToken();
            switch (name) {
                case "version" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
                        return null;
                    }
                    version = json.getIntValue();
                }
                case "buildDate" -> buildDate = text(json, value);
                case "contentPrefix" -> contentPrefix = text(json, value);
                case "runbooks" -> runbooks = strings(json, value);
                case "findings" -> findings = findings(json, value);
                case "baselined" -> baselined = findings(json, value);
                default -> json.skipChildren();
            }
            if (name.equals("buildDate") && buildDate == null || name.equals("contentPrefix") && contentPrefix == null
                    || name.equals("runbooks") && runbooks == null || name.equals("findings") && findings == null
                    || name.equals("baselined") && baselined == null) {
                return null;
            }
        }
        if (version == null || version < 1 || version > FindingsJson.VERSION || findings == null || buildDate == null) {
            return null;
        }
        LocalDate date;
        try {
            date = buildDate.isEmpty() ? null : LocalDate.parse(buildDate);
        } catch (DateTimeParseException e) {
            return null;
        }
        return new FindingsJson.Contents(version, date, contentPrefix == null ? "" : contentPrefix,
                runbooks == null ? List.of() : runbooks, findings, baselined == null ? List.of() : baselined);
    }

    private static String text(JsonParser json, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? json.getText() : null;
    }

    private static List<String> strings(JsonParser json, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                return null;
            }
            out.add(json.getText());
        }
        return out;
    }

    private static List<Finding> findings(JsonParser json, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<Finding> out = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            Finding finding = token == JsonToken.START_OBJECT ? finding(json) : null;
            if (finding == null) {
                return null;
            }
            out.add(finding);
        }
        return out;
    }

    // A method of its own: called 25,000 times it is compiled, where a loop body run once would stay interpreted.
    private static Finding finding(JsonParser json) throws IOException {
        String ruleId = null;
        String severity = null;
        String file = null;
        String message = null;
        String hint = null;
        int line = 1;
        int column = 1;
        int fields = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            int bit = switch (name) {
                case "ruleId" -> 1;
                case "severity" -> 2;
                case "file" -> 4;
                case "message" -> 8;
                case "line" -> 16;
                case "column" -> 32;
                case "hint" -> 64;
                default -> 0;
            };
            if (bit == 0) {
                json.skipChildren();
                continue;
            }
            if ((fields & bit) != 0) {
                return null; // a repeated field: the tree reader keeps the last one; leave such a file to it
            }
            fields |= bit;
            if (bit == 16 || bit == 32) {
                if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
                    return null;
                }
                if (bit == 16) {
                    line = json.getIntValue();
                } else {
                    column = json.getIntValue();
                }
            } else if (bit == 64 && value == JsonToken.VALUE_NULL) {
                hint = null;
            } else if (value != JsonToken.VALUE_STRING) {
                return null;
            } else {
                String text = json.getText();
                switch (bit) {
                    case 1 -> ruleId = text;
                    case 2 -> severity = text;
                    case 4 -> file = text;
                    case 8 -> message = text;
                    default -> hint = text;
                }
            }
        }
        if (ruleId == null || severity == null || file == null || message == null) {
            return null;
        }
        Severity level;
        try {
            level = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Finding(ruleId, level, file, line, column, message, hint);
    }
}
