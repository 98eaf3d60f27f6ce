package dev.runbook.core.time;

import dev.runbook.core.SetupException;

import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar for lengths of time, wherever a user writes one: smoke blocks ({@code timeout=5s},
 * {@code expect time < 500ms}), plugin parameters ({@code runbook.smoke.maxAge=1w}) and front-matter
 * ({@code review_every: 6 months}).
 *
 * <p>A number, optional spaces, and a unit, case-insensitive. Two readings, because {@code m} has meant
 * minutes in durations and months in review intervals since the first release:
 * <ul>
 *   <li>{@link #duration}: {@code ms}, {@code s}, {@code m} (minutes), {@code h}, {@code d}, {@code w},
 *       {@code y}, and the words millisecond(s), second(s), minute(s), hour(s), day(s), week(s),
 *       month(s), year(s); a bare number is seconds. A month is 30 days and a year 365 days here,
 *       because a duration has no start date.</li>
 *   <li>{@link #period}: {@code d}, {@code w}, {@code m} (months), {@code y}, and the words day(s), week(s),
 *       month(s), year(s); a bare number is days. Months and years stay calendar months and years, counted
 *       from the date they are added to (e.g. {@code last_reviewed}).</li>
 * </ul>
 */
public final class Durations {

    /** The forms {@link #duration} accepts, for error messages. */
    public static final String DURATION_FORMS = "500ms, 10s, 5m (minutes), 2h, 1d, 2w, 1y or words such as 90 seconds, 2 hours, 7 days";
    /** The forms {@link #period} accepts, for error messages. */
    public static final String PERIOD_FORMS = "90d, 12w, 6m (months), 1y or words such as 90 days, 2 weeks, 6 months, 1 year";

    // Bounded digit runs and a fixed unit list: linear on any input (see PathologicalRegexTest).
    private static final Pattern DURATION = Pattern.compile(
            "(\\d{1,19})\\s*(ms|s|m|h|d|w|y|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)?");
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,9})\\s*(d|w|m|y|days?|weeks?|months?|years?)?");

    private Durations() {
    }

    /** The duration, or null when the text is not one (or too large to represent). */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms", "millisecond", "milliseconds" -> Duration.ofMillis(n);
                case "s", "second", "seconds" -> Duration.ofSeconds(n);
                case "m", "minute", "minutes" -> Duration.ofMinutes(n);
                case "h", "hour", "hours" -> Duration.ofHours(n);
                case "d", "day", "days" -> Duration.ofDays(n);
                case "w", "week", "weeks" -> Duration.ofDays(Math.multiplyExact(n, 7));
                case "month", "months" -> Duration.ofDays(Math.multiplyExact(n, 30));
                default -> Duration.ofDays(Math.multiplyExact(n, 365));
            };
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return null;
        }
    }

    /** The calendar period, or null when the text is not one (or too large to represent). */
    public static Period period(String text) {
        Matcher m = PERIOD.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        try {
            int n = Integer.parseInt(m.group(1));
            String unit = m.group(2) == null ? "d" : m.group(2);
            return switch (unit) {
                case "d", "day", "days" -> Period.ofDays(n);
                case "w", "week", "weeks" -> Period.ofWeeks(n);
                case "m", "month", "months" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return null;
        }
    }

    /** A configuration value as a duration; {@code name} is the parameter, for the message. */
    public static Duration duration(String name, String value) throws SetupException {
        Duration d = duration(value);
        if (d == null) {
            throw new SetupException(name + " is '" + value + "'; write a duration such as " + DURATION_FORMS);
        }
        return d;
    }

    /** A configuration value as a calendar period; {@code name} is the parameter, for the message. */
    public static Period period(String name, String value) throws SetupException {
        Period p = period(value);
        if (p == null) {
            throw new SetupException(name + " is '" + value + "'; write an interval such as " + PERIOD_FORMS);
        }
        return p;
    }

    /** Short human form: {@code 850ms}, {@code 2.3s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
