package dev.runbook.secrets;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one place secrets are hidden. Every log line, report and page that may carry a resolved value
 * passes through {@link #redact}. Longer secrets are replaced first so a secret that contains another
 * is hidden whole.
 */
public final class Redactor {

    public static final String MASK = "•••";
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> secretValues;

    public Redactor(Collection<String> secretValues) {
        this.secretValues = secretValues.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= 3)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public String redact(String text) {
        if (text == null || secretValues.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secretValues) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    public boolean isEmpty() {
        return secretValues.isEmpty();
    }
}
