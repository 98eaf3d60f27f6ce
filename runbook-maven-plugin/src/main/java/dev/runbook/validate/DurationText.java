package dev.runbook.validate;

import dev.runbook.core.SetupException;

import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them in configuration: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 2w}. */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w)?");

    private DurationText() {
    }

    public static Duration duration(String name, String value) throws SetupException {
        Matcher m = FORM.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SetupException(name + " is '" + value + "'; write a duration such as 500ms, 10s, 5m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /** Calendar intervals ({@code 90d}, {@code 12w}, {@code 6m} = months, {@code 1y}), as in front-matter's review_every. */
    public static Period period(String name, String value) throws SetupException {
        Matcher m = Pattern.compile("(\\d{1,5})\\s*([dwmy])").matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SetupException(name + " is '" + value + "'; write an interval such as 90d, 12w, 6m or 1y");
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Period.ofDays(n);
            case "w" -> Period.ofWeeks(n);
            case "m" -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }
}
