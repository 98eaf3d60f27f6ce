package dev.runbook.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a fence's info string into its language and its brace attributes:
 * {@code smoke {name="API health" timeout=5s retries=2}} → language "smoke", three attributes.
 */
public record CodeInfo(String language, Map<String, String> attributes) {

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s}]+))");

    /**
     * Info strings longer than this are cut before attributes are read: no real fence needs more, and the
     * attribute pattern may rescan the rest of the string from each position (quadratic on a hostile line).
     */
    static final int MAX_INFO_CHARS = 4096;

    private static final Pattern CLASS_LANGUAGE = Pattern.compile("(?:^|\\s)\\.([A-Za-z0-9_+-]+)");

    public static CodeInfo parse(String info) {
        String full = info == null ? "" : info;
        String trimmed = (full.length() > MAX_INFO_CHARS ? full.substring(0, MAX_INFO_CHARS) : full).strip();
        int brace = trimmed.indexOf('{');
        String head = brace >= 0 ? trimmed.substring(0, brace).strip() : trimmed;
        String language = head.isEmpty() ? "" : head.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (brace >= 0) {
            int close = trimmed.lastIndexOf('}');
            String inside = close > brace ? trimmed.substring(brace + 1, close) : trimmed.substring(brace + 1);
            Matcher m = ATTRIBUTE.matcher(inside);
            while (m.find()) {
                String value = m.group(2) != null ? m.group(2).replace("\\\"", "\"").replace("\\\\", "\\")
                        : m.group(3) != null ? m.group(3) : m.group(4);
                attributes.putIfAbsent(m.group(1), value);
            }
            if (language.isEmpty()) {
                Matcher cls = CLASS_LANGUAGE.matcher(inside);
                if (cls.find()) {
                    language = cls.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return new CodeInfo(language, attributes);
    }
}
