package dev.runbook.smoke.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key=value} words after a probe's target, e.g. {@code user={{TURN_USER}} password={{TURN_PASSWORD}}}.
 * Values are kept unresolved; placeholders are filled in when the check runs.
 */
public final class ProbeOptions {

    private ProbeOptions() {
    }

    /**
     * @param words   the probe line split on spaces
     * @param from    index of the first option word
     * @param allowed option names this kind takes
     */
    public static Map<String, String> parse(ProbeLines.Line line, String[] words, int from, Set<String> allowed, String example)
            throws SyntaxException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String key = eq < 0 ? words[i] : words[i].substring(0, eq);
            if (eq <= 0 || !allowed.contains(key) || options.containsKey(key)) {
                String why = eq <= 0 ? "'" + words[i] + "' is not key=value" : options.containsKey(key) ? key + " is given twice"
                        : "unknown option '" + key + "'";
                throw new SyntaxException(line.fileLine(), line.column(Math.max(0, line.trimmed().indexOf(words[i]))), why,
                        "options: " + String.join(", ", allowed) + "; e.g. " + example);
            }
            options.put(key, words[i].substring(eq + 1));
        }
        return options;
    }
}
