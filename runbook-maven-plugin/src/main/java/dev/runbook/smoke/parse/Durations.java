package dev.runbook.smoke.parse;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as runbooks write them: {@code 300ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration, or null when the text is not one. */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Short human form: {@code 850ms}, {@code 2.3s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
