package dev.runbook.smoke.probe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a probe saw. Fields a probe kind does not produce stay null; {@code failure} says why a probe got
 * no (complete) answer, e.g. {@code connection refused} or {@code no response within 5s (timeout)}.
 *
 * @param headers response headers, names lower-cased, each with all its values
 */
public record Observation(Integer status, Map<String, List<String>> headers, String body, Duration time,
                          Boolean connected, Long certDaysLeft, String message, String failure, Map<Subject, Object> values) {

    /** @param values what the newer kinds report beyond the fields above (reply, rcode, addresses), by subject */
    public Observation {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public Observation(Integer status, Map<String, List<String>> headers, String body, Duration time,
                       Boolean connected, Long certDaysLeft, String message, String failure) {
        this(status, headers, body, time, connected, certDaysLeft, message, failure, Map.of());
    }

    public static Observation failed(boolean connected, Duration time, String failure) {
        return new Observation(null, Map.of(), null, time, connected, null, null, failure);
    }

    /** An answer from a kind that reports by subject: connected, with its time and values. */
    public static Observation answered(Duration time, Map<Subject, Object> values) {
        return new Observation(null, Map.of(), null, time, true, null, null, null, values);
    }

    public String header(String name) {
        List<String> values = headers == null ? null : headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
