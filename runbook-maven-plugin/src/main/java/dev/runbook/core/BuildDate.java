package dev.runbook.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The date a build treats as "today" (review deadlines, smoke-result age). Taken from Maven's
 * {@code project.build.outputTimestamp} when set, so two builds of the same commit agree; else the clock.
 */
public final class BuildDate {

    private BuildDate() {
    }

    public static Instant instant(String outputTimestamp, Clock clock) {
        if (outputTimestamp != null && !outputTimestamp.isBlank() && !outputTimestamp.startsWith("${")) {
            String value = outputTimestamp.strip();
            if (value.matches("\\d{2,}")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                // Maven itself rejects a malformed value; fall back to the clock rather than fail twice.
            }
        }
        return clock.instant();
    }

    public static LocalDate date(String outputTimestamp, Clock clock) {
        return LocalDate.ofInstant(instant(outputTimestamp, clock), ZoneOffset.UTC);
    }
}
