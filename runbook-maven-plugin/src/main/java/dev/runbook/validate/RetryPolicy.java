package dev.runbook.validate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a URL again: only on 429 and 503 (the server asked us to come back), at most
 * {@code maxAttempts} tries in all. The wait is the server's {@code Retry-After} (seconds or an HTTP
 * date) when it sends one, else exponential backoff from {@code baseBackoff}; never more than
 * {@code maxWait} — a server that asks for longer is reported rather than waited for.
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxWait) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public boolean retryable(int status) {
        return status == 429 || status == 503;
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 for the first retry), or empty when not to retry.
     *
     * @param retryAfter the response's {@code Retry-After} header, or null
     */
    public Optional<Duration> waitBefore(int nextAttempt, int status, String retryAfter, Instant now) {
        if (!retryable(status) || nextAttempt > maxAttempts) {
            return Optional.empty();
        }
        Optional<Duration> asked = parseRetryAfter(retryAfter, now);
        if (asked.isPresent()) {
            return asked.get().compareTo(maxWait) <= 0 ? asked : Optional.empty();
        }
        return Optional.of(backoff(nextAttempt));
    }

    /** {@code baseBackoff * 2^(attempt-2)}, capped at {@code maxWait}. */
    public Duration backoff(int nextAttempt) {
        long factor = 1L << Math.min(20, Math.max(0, nextAttempt - 2));
        Duration d = baseBackoff.multipliedBy(factor);
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }

    /** Retry-After as delta-seconds or an HTTP-date; a date in the past means "now". */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
