package dev.runbook.smoke.kind.redis;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.Subject;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code redis redis://host:port[/db] [user=…] [password=…]} then {@code command "…"}: one command;
 * {@code reply} is the answer as redis-cli prints it.
 */
public record RedisProbeSpec(int line, String url, String user, String password, String command, boolean write) implements ProbeSpec {

    @Override
    public ProbeSpec allowingWrites() {
        return new RedisProbeSpec(line, url, user, password, command, true);
    }

    /** A command written without placeholders that is not on the read-only list needs {@code write=true} on the fence. */
    @Override
    public String writeOperation() {
        if (write || command.contains("{{")) {
            return null;
        }
        List<String> words = RedisCommand.words(command);
        String refused = RedisCommand.refusal(words, false);
        return refused == null || words.isEmpty() ? null : "Redis " + words.get(0).toUpperCase(Locale.ROOT);
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        RedisCommand.Target target;
        List<String> words;
        try {
            target = RedisCommand.Target.parse(context.resolve(url));
            words = RedisCommand.words(context.resolve(command));
        } catch (IllegalArgumentException e) {
            throw new ProbeRefusedException(e.getMessage() + " (nothing was sent)");
        }
        String refused = RedisCommand.refusal(words, write);
        if (refused != null) {
            throw new ProbeRefusedException(refused + " (nothing was sent)");
        }
        String resolvedUser = user == null ? null : context.resolve(user);
        String resolvedPassword = password == null ? null : context.resolve(password);
        context.requireAllowed(target.host(), target.port());
        long start = System.nanoTime();
        try {
            RedisCommand.Result r = RedisCommand.run(target, resolvedUser, resolvedPassword, words, write, context.timeout(),
                    target.tls() ? context.trust().sslSocketFactory() : null);
            Map<Subject, Object> values = new HashMap<>();
            if (r.reply() != null) {
                values.put(Subject.REPLY, r.reply());
            }
            return Observation.answered(r.time(), values);
        } catch (IOException e) {
            return Observation.failed(false, Duration.ofNanos(System.nanoTime() - start), Probe.describe(e, context.timeout()));
        }
    }
}
