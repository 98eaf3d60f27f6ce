package dev.runbook.smoke.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One smoke run: where, when, how long, and every block's result in runbook and line order. */
public record SmokeResults(String environment, Instant startedAt, long durationMs, List<CheckResult> results) {

    public SmokeResults {
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public List<CheckResult> skipped() {
        return results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).toList();
    }

    public List<CheckResult> problems() {
        return results.stream().filter(r -> r.outcome().isProblem()).toList();
    }

    /** {@code smoke: 5 passed, 1 failed in 1.2s (env demo)}; {@code …, 6 skipped (6 deadline) in …} when some did not run. */
    public String summary() {
        StringBuilder b = new StringBuilder("smoke: ").append(count(Outcome.PASS)).append(" passed, ")
                .append(count(Outcome.FAIL)).append(" failed");
        if (count(Outcome.ERROR) > 0) {
            b.append(", ").append(count(Outcome.ERROR)).append(count(Outcome.ERROR) == 1 ? " error" : " errors");
        }
        if (count(Outcome.SKIPPED) > 0) {
            // Skipped is not proven: say how many and why, so nobody reads "0 failed" as "all good".
            Map<String, Long> reasons = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED)
                    .collect(Collectors.groupingBy(CheckResult::skipReason, TreeMap::new, Collectors.counting()));
            b.append(", ").append(count(Outcome.SKIPPED)).append(" skipped (");
            String sep = "";
            for (Map.Entry<String, Long> e : reasons.entrySet()) {
                b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
                sep = ", ";
            }
            b.append(')');
        }
        return b.append(" in ").append(dev.runbook.core.time.Durations.format(Duration.ofMillis(durationMs)))
                .append(" (env ").append(environment).append(')').toString();
    }
}
