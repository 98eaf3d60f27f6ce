package dev.runbook.smoke.kind.redis;

import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.ProbeOptions;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** {@code redis redis://…} (or {@code rediss://…}) then {@code command "…"}: one Redis command through Jedis. */
public final class RedisKind implements ProbeKind<RedisProbeSpec> {

    private static final String EXAMPLE = "redis redis://{{redis_host}}:6379 password={{REDIS_PASSWORD}}";

    @Override
    public String keyword() {
        return "redis";
    }

    @Override
    public String synopsis() {
        return "redis redis://host:port";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.REPLY, Subject.TIME, Subject.CONNECTED);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("redis");
    }

    @Override
    public RedisProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        if (words.length < 2) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`redis` takes a redis:// or rediss:// URL",
                    "write e.g. " + EXAMPLE + ", then command \"PING\"");
        }
        if (!words[1].contains("{{")) {
            try {
                RedisCommand.Target.parse(words[1]);
            } catch (IllegalArgumentException e) {
                throw new SyntaxException(first.fileLine(), first.column(text.indexOf(words[1])), e.getMessage(), "write e.g. " + EXAMPLE);
            }
        }
        Map<String, String> options = ProbeOptions.parse(first, words, 2, Set.of("user", "password"), EXAMPLE);
        while (!lines.atEnd() && lines.current().isSkippable()) {
            lines.next();
        }
        if (lines.atEnd() || !lines.current().trimmed().startsWith("command ")) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`redis` needs a command line after it",
                    "write e.g. command \"PING\" or command \"INFO replication\"");
        }
        ProbeLines.Line c = lines.next();
        String quoted = c.trimmed().substring("command ".length()).strip();
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new SyntaxException(c.fileLine(), c.column(8), "the command is one quoted string", "write e.g. command \"INFO replication\"");
        }
        String command = quoted.substring(1, quoted.length() - 1);
        try {
            if (RedisCommand.words(command).isEmpty()) {
                throw new IllegalArgumentException("the command is empty");
            }
        } catch (IllegalArgumentException e) {
            throw new SyntaxException(c.fileLine(), c.column(8), e.getMessage(), "write e.g. command \"GET 'my key'\"");
        }
        return new RedisProbeSpec(first.fileLine(), words[1], options.get("user"), options.get("password"), command, false);
    }
}
