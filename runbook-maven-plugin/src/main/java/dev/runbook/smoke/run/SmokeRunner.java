package dev.runbook.smoke.run;

import dev.runbook.core.RunLog;
import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeSyntaxError;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.StepResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parsed smoke blocks against one environment: bounded concurrency, per-block retries with
 * exponential backoff (only after a failure, never after a refusal), and one deadline for the run.
 * Every message leaves here through the environment's redactor.
 */
public final class SmokeRunner {

    private final Environment environment;
    private final EnvironmentClient client;
    private final RunnerOptions options;
    private final Clock clock;
    private final RunLog log;
    private final Redactor redactor;
    private final CheckExecutor executor = new CheckExecutor();

    public SmokeRunner(Environment environment, EnvironmentClient client, RunnerOptions options, Clock clock, RunLog log) {
        this.environment = environment;
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.redactor = environment.redactor();
        this.log = log;
    }

    public SmokeResults run(List<BlockParse> blocks) throws InterruptedException {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        long deadline = start + options.deadline().toNanos();
        List<CheckResult> results = new ArrayList<>();
        List<Future<CheckResult>> futures = new ArrayList<>();
        List<BlockParse> running = new ArrayList<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "runbook-smoke-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (BlockParse block : blocks) {
                if (!block.ok()) {
                    SmokeSyntaxError e = block.errors().get(0);
                    results.add(skipped(block, "does not parse: line " + e.line() + ":" + e.column() + " " + e.message()
                            + " (runbook:validate reports it as smoke.syntax)"));
                    continue;
                }
                running.add(block);
                futures.add(pool.submit(() -> runCheck(block.check(), deadline)));
            }
            for (int i = 0; i < futures.size(); i++) {
                BlockParse block = running.get(i);
                Future<CheckResult> future = futures.get(i);
                try {
                    results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException | CancellationException e) {
                    // Deadline: start nothing more, and stop what runs. Interrupting does not stop a blocked
                    // socket read; cancelling the HTTP calls does, and sockets have their own timeouts.
                    pool.shutdownNow();
                    future.cancel(true);
                    client.http().dispatcher().cancelAll();
                    results.add(skipped(block, "deadline: the run's deadline of " + dev.runbook.core.time.Durations.format(options.deadline())
                            + " passed before this check finished"));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    SmokeCheck check = block.check();
                    results.add(new CheckResult(check.runbookPath(), check.line(), redactor.redact(check.name()), check.fingerprint(),
                            Outcome.ERROR, 0, redactor.redact("internal error: " + cause), environment.name(), clock.instant(), 1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparing(CheckResult::runbook).thenComparingInt(CheckResult::line));
        long durationMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return new SmokeResults(environment.name(), startedAt, durationMs, results);
    }

    private CheckResult runCheck(SmokeCheck check, long deadline) throws InterruptedException {
        Instant time = clock.instant();
        long start = System.nanoTime();
        ProbeContext context = new ProbeContext(environment, client.http(), client.trust(), check.timeout(), clock);
        Duration backoff = options.backoff();
        CheckExecutor.Attempt attempt = null;
        int attempts = 0;
        for (int i = 0; i <= check.retries(); i++) {
            attempts++;
            attempt = executor.attempt(check, context);
            if (attempt.passed() || attempt.refused()) {
                break;
            }
            if (i < check.retries()) {
                long wait = backoff.toNanos();
                if (System.nanoTime() + wait >= deadline) {
                    break;
                }
                log.debug(redactor.redact("smoke: " + check.runbookPath() + ":" + check.line() + ": attempt " + attempts
                        + " failed (" + attempt.message() + "), retrying in " + dev.runbook.core.time.Durations.format(backoff)));
                TimeUnit.NANOSECONDS.sleep(wait);
                backoff = backoff.multipliedBy(2);
            }
        }
        Outcome outcome = attempt.passed() ? Outcome.PASS : attempt.refused() ? Outcome.ERROR : Outcome.FAIL;
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        List<StepResult> steps = attempt.steps().stream()
                .map(s -> new StepResult(redactor.redact(s.label()), s.outcome(), redactor.redact(s.message()))).toList();
        return new CheckResult(check.runbookPath(), check.line(), redactor.redact(check.name()), check.fingerprint(), outcome, ms,
                redactor.redact(attempt.message()), environment.name(), time, attempts, steps);
    }

    private CheckResult skipped(BlockParse block, String message) {
        SmokeCheck c = block.check();
        String name = c != null ? c.name() : block.block().attributes().getOrDefault("name", "smoke block");
        return new CheckResult(block.runbookPath(), block.block().position().line(), redactor.redact(name),
                dev.runbook.smoke.parse.SmokeParser.fingerprint(block.block()), Outcome.SKIPPED, 0, redactor.redact(message),
                environment.name(), clock.instant(), 0);
    }

}
