package dev.runbook.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runbook.core.Closest;
import dev.runbook.core.time.Durations;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.model.FrontMatter;
import dev.runbook.model.RunbookSeverity;
import dev.runbook.model.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML front-matter block into a {@link FrontMatter}. Never throws on bad input: a syntax or
 * type error becomes a {@code frontmatter.schema} finding at the line inside the block, an unknown key a
 * {@code frontmatter.unknown-key} warning, and every field that did parse is kept.
 */
public final class FrontMatterParser {

    public static final String RULE_SCHEMA = "frontmatter.schema";
    public static final String RULE_UNKNOWN_KEY = "frontmatter.unknown-key";

    static final List<String> KNOWN_KEYS = List.of("title", "description", "service", "services", "owner", "severity",
            "tags", "last_reviewed", "review_every", "aliases", "draft", "alert");

    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(safeLoaderOptions()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    /** The front-matter block found at the top of a file. */
    public record Block(String yaml, int firstYamlLine, int openingLine, int closingLine) {
    }

    private static LoaderOptions safeLoaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(2 * 1024 * 1024);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private final String file;
    private final List<Finding> findings;
    private final Map<String, String> aliases;

    public FrontMatterParser(String file, List<Finding> findings) {
        this(file, findings, Map.of());
    }

    /** @param aliases key as written → key the plugin reads (runbook.frontMatter.aliases) */
    public FrontMatterParser(String file, List<Finding> findings, Map<String, String> aliases) {
        this.file = file;
        this.findings = findings;
        this.aliases = aliases == null ? Map.of() : aliases;
    }

    /**
     * Finds a front-matter block: a first line of {@code ---} and a later line of {@code ---} or
     * {@code ...}. An opening line that is never closed is reported and the file treated as all body.
     */
    public Optional<Block> locate(String text) {
        int firstLineEnd = lineEnd(text, 0);
        if (!text.substring(0, firstLineEnd).stripTrailing().equals("---")) {
            return Optional.empty();
        }
        int offset = nextLineStart(text, firstLineEnd);
        int line = 2;
        int yamlStart = offset;
        while (offset < text.length()) {
            int end = lineEnd(text, offset);
            String content = text.substring(offset, end).stripTrailing();
            if (content.equals("---") || content.equals("...")) {
                return Optional.of(new Block(text.substring(yamlStart, offset), 2, 1, line));
            }
            offset = nextLineStart(text, end);
            line++;
        }
        findings.add(new Finding(RULE_SCHEMA, Severity.ERROR, file, 1, 1,
                "front-matter opened with '---' on line 1 is never closed; the whole file is read as Markdown",
                "end the front-matter with a line containing only '---'"));
        return Optional.empty();
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLineStart(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
            lineEnd++;
        }
        return lineEnd;
    }

    public FrontMatter parse(Block block) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, SourcePosition> positions = new HashMap<>();
        try (JsonParser parser = YAML.createParser(block.yaml())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return FrontMatter.EMPTY;
            }
            if (first != JsonToken.START_OBJECT) {
                schemaError(at(block, parser.currentTokenLocation()),
                        "front-matter must be a mapping of 'key: value' lines, found " + describe(first),
                        "write fields such as 'title: Backend API not responding'");
                return FrontMatter.EMPTY;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourcePosition where = at(block, parser.currentTokenLocation());
                parser.nextToken();
                JsonNode value = MAPPER.readTree(parser);
                positions.put(key, where);
                values.put(key, value);
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            SourcePosition where = location == null ? new SourcePosition(block.openingLine(), 1) : at(block, location);
            schemaError(where, "front-matter is not valid YAML: " + firstLine(e.getOriginalMessage()),
                    "check indentation and quoting near this line; quote values that contain ': ' or start with '[', '{', '*' or '&'");
            return toFrontMatter(values, positions);
        } catch (IOException | RuntimeException e) {
            schemaError(new SourcePosition(block.openingLine(), 1),
                    "front-matter could not be read: " + firstLine(String.valueOf(e.getMessage())), null);
            return FrontMatter.EMPTY;
        }
        return toFrontMatter(values, positions);
    }

    private FrontMatter toFrontMatter(Map<String, JsonNode> values, Map<String, SourcePosition> positions) {
        String title = null;
        String description = null;
        List<String> services = new ArrayList<>();
        String owner = null;
        RunbookSeverity severity = null;
        List<String> tags = List.of();
        LocalDate lastReviewed = null;
        Period reviewEvery = null;
        List<String> aliases = List.of();
        boolean draft = false;
        Map<String, SourcePosition> keyPositions = new HashMap<>(positions);
        List<String> alerts = List.of();
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            String written = entry.getKey();
            String key = this.aliases.getOrDefault(written, written);
            JsonNode value = entry.getValue();
            SourcePosition where = positions.get(written);
            if (!key.equals(written)) {
                keyPositions.put(key, where); // findings about last_reviewed point at the last_reviewed_on line
            }
            if (value == null || value.isNull()) {
                continue;
            }
            switch (key) {
                case "title" -> title = text(written, value, where);
                case "description" -> description = text(written, value, where);
                case "owner" -> owner = text(written, value, where);
                case "service" -> {
                    String service = text(written, value, where);
                    if (service != null) {
                        services.add(0, service);
                    }
                }
                case "services" -> services.addAll(list(written, value, where));
                case "tags" -> tags = list(written, value, where);
                case "aliases" -> aliases = list(written, value, where);
                case "alert" -> alerts = list(written, value, where);
                case "severity" -> {
                    String raw = text(written, value, where);
                    if (raw != null) {
                        severity = RunbookSeverity.parse(raw).orElse(null);
                        if (severity == null) {
                            schemaError(where, "severity '" + raw + "' is not one of P0..P4 or SEV1..SEV4",
                                    "write e.g. 'severity: P2'");
                        }
                    }
                }
                case "last_reviewed" -> lastReviewed = date(written, value, where);
                case "review_every" -> reviewEvery = period(written, value, where);
                case "draft" -> {
                    if (value.isBoolean()) {
                        draft = value.booleanValue();
                    } else {
                        schemaError(where, "draft must be true or false, found " + shortValue(value), "write 'draft: true' or remove the line");
                    }
                }
                default -> unknownKey(written, where);
            }
        }
        return new FrontMatter(title, description, services.stream().distinct().toList(), owner, severity, tags,
                lastReviewed, reviewEvery, aliases, draft, keyPositions, alerts);
    }

    private String text(String key, JsonNode value, SourcePosition where) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            String text = value.asText().strip();
            return text.isEmpty() ? null : text;
        }
        schemaError(where, key + " must be a single text value, found " + describe(value), "write '" + key + ": some text'");
        return null;
    }

    private List<String> list(String key, JsonNode value, SourcePosition where) {
        if (value.isTextual()) {
            return value.asText().isBlank() ? List.of() : List.of(value.asText().strip());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (item.isValueNode() && !item.isNull()) {
                    String text = item.asText().strip();
                    if (!text.isEmpty()) {
                        items.add(text);
                    }
                } else {
                    schemaError(where, key + " must be a list of text values, found an item that is " + describe(item),
                            "write '" + key + ": [first, second]'");
                }
            }
            return items.stream().distinct().toList();
        }
        schemaError(where, key + " must be a list such as [a, b], found " + describe(value), "write '" + key + ": [first, second]'");
        return List.of();
    }

    private LocalDate date(String key, JsonNode value, SourcePosition where) {
        String raw = value.asText().strip();
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            schemaError(where, key + " '" + shorten(raw) + "' is not a date in the form YYYY-MM-DD", "write e.g. '" + key + ": 2026-10-01'");
            return null;
        }
    }

    /** A YAML number counts days; text goes through the one duration grammar ({@link Durations#period}). */
    private Period period(String key, JsonNode value, SourcePosition where) {
        Period period = value.isIntegralNumber() || value.isTextual() ? Durations.period(value.asText()) : null;
        if (period != null && !period.isZero()) {
            return period;
        }
        schemaError(where, key + " '" + shorten(value.asText()) + "' is not a period such as " + Durations.PERIOD_FORMS,
                "write e.g. '" + key + ": 90d' or '" + key + ": 6 months'");
        return null;
    }

    private void unknownKey(String key, SourcePosition where) {
        String suggestion = closestKnownKey(key, aliases.keySet());
        String hint;
        if (suggestion == null) {
            hint = "known keys: " + String.join(", ", KNOWN_KEYS);
        } else if (aliases.containsKey(suggestion)) {
            hint = "rename it to '" + suggestion + "' (read as " + aliases.get(suggestion) + ")";
        } else if (key.length() <= 40) {
            hint = "rename it to '" + suggestion + "', or keep the name and map it: -Drunbook.frontMatter.aliases="
                    + key + "=" + suggestion;
        } else {
            hint = "rename it to '" + suggestion + "'";
        }
        findings.add(new Finding(RULE_UNKNOWN_KEY, Severity.WARNING, file, where,
                "unknown front-matter key '" + shorten(key) + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"),
                hint));
    }

    static String closestKnownKey(String key) {
        return closestKnownKey(key, java.util.Set.of());
    }

    /**
     * The known key or configured alias closest to a key: a near spelling ({@code last_reviwed}), else a known
     * key the unknown one starts with or shares a long prefix with ({@code last_reviewed_on}, {@code review_in}
     * → {@code review_every}), as other tools name the same field.
     */
    static String closestKnownKey(String key, java.util.Collection<String> aliasKeys) {
        String normalized = key.toLowerCase(Locale.ROOT).replace('-', '_');
        if (normalized.length() > 40) {
            return null;
        }
        List<String> candidates = new ArrayList<>(KNOWN_KEYS);
        candidates.addAll(aliasKeys);
        Optional<String> near = Closest.to(normalized, candidates, 2);
        if (near.isPresent()) {
            return near.get();
        }
        String best = null;
        int bestPrefix = 0;
        for (String candidate : KNOWN_KEYS) {
            int prefix = commonPrefix(normalized, candidate);
            if (prefix < 5 || prefix <= bestPrefix) {
                continue;
            }
            boolean candidateWords = prefix == candidate.length() || candidate.charAt(prefix - 1) == '_';
            boolean keyWords = prefix == normalized.length() || normalized.charAt(prefix) == '_'
                    || normalized.charAt(prefix - 1) == '_';
            if (candidateWords && keyWords) {
                best = candidate;
                bestPrefix = prefix;
            }
        }
        return best;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private void schemaError(SourcePosition where, String message, String hint) {
        findings.add(new Finding(RULE_SCHEMA, Severity.ERROR, file, where, message, hint));
    }

    private static SourcePosition at(Block block, JsonLocation location) {
        int line = Math.max(1, location.getLineNr());
        int column = Math.max(1, location.getColumnNr());
        return new SourcePosition(block.firstYamlLine() + line - 1, column);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "'" + token.asString() + "'";
        };
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return "'" + shortValue(node) + "'";
    }

    private static String shortValue(JsonNode node) {
        return shorten(node.asText());
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return shorten(line.length() > 120 ? line.substring(0, 120) : line);
    }
}
