package dev.runbook.smoke.run;

import java.time.Duration;

/**
 * @param concurrency how many blocks run at once
 * @param deadline    the whole run; blocks not finished by then are reported as skipped
 * @param backoff     wait before the first retry; doubled for each further one
 */
public record RunnerOptions(int concurrency, Duration deadline, Duration backoff) {

    public static final RunnerOptions DEFAULTS = new RunnerOptions(4, Duration.ofMinutes(5), Duration.ofMillis(500));

    public RunnerOptions {
        concurrency = Math.max(1, concurrency);
    }
}
