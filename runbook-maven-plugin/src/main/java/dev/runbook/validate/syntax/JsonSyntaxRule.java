package dev.runbook.validate.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.placeholders.PlaceholderLines;

import java.io.IOException;
import java.util.List;

/**
 * {@code json.syntax} (error): a {@code json} fence that is not strict JSON: comments, trailing commas,
 * single quotes, unquoted keys, duplicate keys, or more than one value. Exception: a block in which every
 * non-blank line is a complete JSON value on its own is read as JSON Lines (log output), and each line is
 * checked. {@code jsonc}, {@code json5}, {@code jsonl} and {@code ndjson} fences are not checked. An error on
 * a line with a placeholder ({@code <project-id>}, {@code TODO}) is left to {@code placeholder.*}.
 */
public final class JsonSyntaxRule implements Rule {

    public static final String ID = "json.syntax";

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private final PlaceholderLines placeholders;

    public JsonSyntaxRule(RuleSettings settings) {
        this.placeholders = new PlaceholderLines(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "a json fence that is not strict JSON (comments, trailing commas, duplicate keys)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Its findings on a page depend on that page alone: validate keeps them per page. */
    @Override
    public String perPageKey(ValidationContext context) {
        return "";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        for (CodeBlock block : runbook.codeBlocks()) {
            if (!block.fenced() || !block.language().equals("json") || block.body().isBlank()) {
                continue;
            }
            Failure failure = firstFailure(block.body());
            if (failure == null || isJsonLines(block.lines())) {
                continue;
            }
            List<String> lines = block.lines();
            int row = Math.max(0, Math.min(failure.line() - 1, lines.size() - 1));
            if (placeholders.hasPlaceholder(lines.get(row))) {
                continue;
            }
            int column = failure.column();
            sink.report(this, runbook, CodeColumns.at(runbook, block, row, column),
                    "JSON does not parse: " + failure.message(),
                    "fix the JSON here (no comments, no trailing commas, double quotes only, each key once),"
                            + " or label the fence jsonc if it is meant to carry comments");
        }
    }

    /** 1-based line in the block, 0-based column, and what is wrong in words. */
    private record Failure(int line, int column, String message) {
    }

    private Failure firstFailure(String text) {
        JsonParser parser = null;
        try {
            parser = factory.createParser(text);
            if (parser.nextToken() == null) {
                return null;
            }
            parser.skipChildren();
            JsonToken extra;
            try {
                extra = parser.nextToken();
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                if (at != null && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected character (','")) {
                    // Array elements pasted without their [ ] ("jq .items[]" output): say so, not "unexpected ,".
                    return new Failure(at.getLineNr(), at.getColumnNr() - 1,
                            "`,` after a complete JSON value: several values need to be inside `[ ]`");
                }
                throw e;
            }
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                return new Failure(at.getLineNr(), at.getColumnNr() - 1, "more than one JSON value in the block");
            }
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            JsonProblem problem = JsonProblem.of(text, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    String.valueOf(e.getOriginalMessage()));
            return new Failure(problem.line(), problem.column(), problem.message());
        } catch (IOException e) {
            return new Failure(1, 0, String.valueOf(e.getMessage()));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading from a String; nothing to release
                }
            }
        }
    }

    private boolean isJsonLines(List<String> lines) {
        int values = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (firstFailure(line) != null) {
                return false;
            }
            values++;
        }
        return values > 1;
    }
}
