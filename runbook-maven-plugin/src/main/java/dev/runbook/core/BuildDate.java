package dev.runbook.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The moment a build treats as "now" for review deadlines and the age of smoke results: the real clock,
 * unless {@code runbook.asOf} pins it.
 *
 * <p>Deliberately <em>not</em> {@code project.build.outputTimestamp}: reproducible-build projects pin that
 * to the last release (the release plugin rewrites it once per release), so a review clock read from it
 * would stop between releases, and a tool meant to catch stale runbooks must not stop the clock. Who wants
 * byte-identical output (a test, a rebuild of a release) pins {@code runbook.asOf} instead.
 */
public final class BuildDate {

    private BuildDate() {
    }

    /**
     * @param asOf {@code 2026-12-04} (start of that day, UTC), an ISO date-time with offset, an instant, or
     *             epoch seconds; null or blank for the clock
     * @throws SetupException when asOf is set but is none of those
     */
    public static Instant instant(String asOf, Clock clock) throws SetupException {
        if (!isPinned(asOf)) {
            return clock.instant();
        }
        String value = asOf.strip();
        if (value.matches("\\d{9,}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new SetupException("runbook.asOf is '" + value + "'; write a date such as 2026-12-04, a date-time such as "
                    + "2026-12-04T09:00:00Z, or leave it unset to use today's date");
        }
    }

    public static LocalDate date(String asOf, Clock clock) throws SetupException {
        return LocalDate.ofInstant(instant(asOf, clock), ZoneOffset.UTC);
    }

    /**
     * The day the output says it was built: {@code project.build.outputTimestamp} when the project sets it
     * (Maven's own "build time" for reproducible builds, the one its jars carry), else the clock's date.
     * Shown beside a pinned review clock, so a reader sees both "statuses as of" and "built".
     */
    public static LocalDate builtOn(String outputTimestamp, Clock clock) {
        try {
            if (isPinned(outputTimestamp)) {
                return date(outputTimestamp, clock);
            }
        } catch (SetupException unreadable) {
            // Maven and its archiver reject a malformed outputTimestamp themselves; the footer falls back to today.
        }
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** True when the build pins its clock ({@code runbook.asOf}); the output is then reproducible. */
    public static boolean isPinned(String asOf) {
        return asOf != null && !asOf.isBlank() && !asOf.startsWith("${");
    }
}
