package dev.runbook.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML read into a small tree whose every node knows its line and column (Jackson's YAML parser gives
 * token locations; its tree model does not keep them). Each document of a multi-document file is one root.
 */
final class YamlNodes {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    sealed interface Node permits MapNode, ListNode, Scalar {
        AlertRule.Position at();
    }

    /** A mapping; {@code keys} holds where each key stood. */
    record MapNode(AlertRule.Position at, Map<String, Node> values, Map<String, AlertRule.Position> keys) implements Node {
        Node get(String key) {
            return values.get(key);
        }

        String text(String key) {
            return values.get(key) instanceof Scalar s ? s.text() : null;
        }
    }

    record ListNode(AlertRule.Position at, List<Node> items) implements Node {
    }

    /** A scalar; {@code text} is null for YAML null. */
    record Scalar(AlertRule.Position at, String text) implements Node {
    }

    /** A YAML syntax error, with where the parser stopped and the documents read before it. */
    static final class SyntaxError extends Exception {
        final AlertRule.Position at;
        final List<Node> before;

        SyntaxError(String message, AlertRule.Position at, List<Node> before) {
            super(message);
            this.at = at;
            this.before = List.copyOf(before);
        }
    }

    private YamlNodes() {
    }

    /** Every document of the stream; an empty document is a null scalar. */
    static List<Node> documents(Reader reader) throws IOException, SyntaxError {
        List<Node> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                documents.add(read(parser, token));
            }
        } catch (JsonProcessingException e) {
            // Documents completed before the error stay (a broken document hides none before it).
            JsonLocation location = e.getLocation();
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            // SnakeYAML's message quotes the line with a caret under it; keep its sentences, on one line.
            String sentences = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .map(String::strip).collect(java.util.stream.Collectors.joining("; "));
            message = sentences.isEmpty() ? message.strip() : sentences;
            throw new SyntaxError(message, location == null ? new AlertRule.Position(1, 1)
                    : new AlertRule.Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())), documents);
        }
        return documents;
    }

    private static Node read(JsonParser parser, JsonToken token) throws IOException {
        AlertRule.Position at = position(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> values = new LinkedHashMap<>();
                Map<String, AlertRule.Position> keys = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    AlertRule.Position keyAt = position(parser.currentTokenLocation());
                    Node value = read(parser, parser.nextToken());
                    values.put(key, value);
                    keys.put(key, keyAt);
                }
                return new MapNode(at, values, keys);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    items.add(read(parser, next));
                }
                return new ListNode(at, items);
            }
            case VALUE_NULL -> {
                return new Scalar(at, null);
            }
            default -> {
                return new Scalar(at, parser.getText());
            }
        }
    }

    private static AlertRule.Position position(JsonLocation location) {
        return new AlertRule.Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
