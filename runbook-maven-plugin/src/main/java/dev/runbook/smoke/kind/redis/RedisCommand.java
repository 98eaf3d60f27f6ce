package dev.runbook.smoke.kind.redis;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one command to Redis with Jedis and renders the reply as {@code redis-cli} prints it, so a runbook's
 * {@code redis-cli ping} output ({@code PONG}) is what an assertion compares: status and bulk replies as
 * text, integers as digits, arrays one element a line, errors as {@code (error) ERR …}, nil as no value.
 * Without {@code write=true} only commands on a fixed read-only list run; the list is ours, not the
 * server's {@code COMMAND INFO} flags, so a check's meaning does not change with the server version.
 */
public final class RedisCommand {

    /** Read-only commands a health check uses; anything else needs {@code write=true}. */
    public static final Set<String> READ_ONLY = Set.of(
            "PING", "ECHO", "INFO", "TIME", "DBSIZE", "ROLE", "LASTSAVE", "LOLWUT",
            "EXISTS", "TYPE", "TTL", "PTTL", "EXPIRETIME", "GET", "MGET", "STRLEN", "GETRANGE",
            "HGET", "HMGET", "HGETALL", "HEXISTS", "HLEN", "HKEYS", "HVALS", "HSTRLEN",
            "LLEN", "LINDEX", "LRANGE", "SCARD", "SISMEMBER", "SMISMEMBER", "SMEMBERS",
            "ZCARD", "ZCOUNT", "ZSCORE", "ZMSCORE", "ZRANK", "ZREVRANK", "ZRANGE", "ZRANGEBYSCORE",
            "XLEN", "XRANGE", "XREVRANGE", "PFCOUNT", "SCAN", "SSCAN", "HSCAN", "ZSCAN", "BITCOUNT", "GETBIT");

    /** Read-only only with this first argument ({@code CONFIG GET} reads, {@code CONFIG SET} writes). */
    public static final Set<String> READ_ONLY_PAIRS = Set.of(
            "CONFIG GET", "CLIENT LIST", "CLIENT INFO", "MEMORY USAGE", "MEMORY STATS", "XINFO STREAM", "XINFO GROUPS",
            "CLUSTER INFO", "CLUSTER NODES", "CLUSTER SLOTS", "SLOWLOG GET", "SLOWLOG LEN", "COMMAND COUNT", "COMMAND INFO");

    /** Commands that never return one reply, so a check would hang on them even with {@code write=true}. */
    static final Set<String> NEVER = Set.of("MONITOR", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "SYNC", "PSYNC");

    private static final Pattern URL = Pattern.compile("(rediss?)://(\\[[0-9a-fA-F:.]+]|[^/:@\\[\\]]+)(?::(\\d{1,5}))?(?:/(\\d{1,2}))?/?");

    /** {@code redis://host[:port][/db]} or {@code rediss://…} (TLS); credentials go in user= and password=. */
    public record Target(String host, int port, int database, boolean tls) {
        public static Target parse(String text) {
            Matcher m = URL.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not redis://host[:port][/db] or rediss://… (credentials go in"
                        + " user= and password=, not in the URL)");
            }
            String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
            int port = m.group(3) == null ? 6379 : Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range in '" + text + "'");
            }
            return new Target(host, port, m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(1).equals("rediss"));
        }
    }

    /** @param reply the reply as redis-cli shows it; null for a nil reply */
    public record Result(String reply, boolean error, Duration time) {
    }

    /** The command may not run as written; nothing was sent. */
    public static final class RefusedException extends IllegalArgumentException {
        RefusedException(String message) {
            super(message);
        }
    }

    private RedisCommand() {
    }

    /** Why the command may not run, or null when it may. */
    public static String refusal(List<String> words, boolean write) {
        if (words.isEmpty()) {
            return "the command is empty";
        }
        String name = words.get(0).toUpperCase(Locale.ROOT);
        if (NEVER.contains(name)) {
            return name + " streams replies without end; a check needs one reply";
        }
        if (write) {
            return null;
        }
        String pair = words.size() > 1 ? name + " " + words.get(1).toUpperCase(Locale.ROOT) : name;
        if (READ_ONLY.contains(name) || READ_ONLY_PAIRS.contains(pair)) {
            return null;
        }
        return (READ_ONLY_PAIRS.stream().anyMatch(p -> p.startsWith(name + " ")) ? pair : name)
                + " is not on the list of read-only Redis commands, and smoke checks only read by default; add write=true"
                + " to the fence if this check must change state";
    }

    /**
     * @param sslSocketFactory the environment's trust for {@code rediss://}; host names are verified
     */
    public static Result run(Target target, String user, String password, List<String> words, boolean write,
                             Duration timeout, SSLSocketFactory sslSocketFactory) throws IOException {
        String refused = refusal(words, write);
        if (refused != null) {
            throw new RefusedException(refused + " (nothing was sent)");
        }
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(ms).socketTimeoutMillis(ms).database(target.database())
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).ssl(target.tls());
        if (user != null && !user.isEmpty()) {
            config.user(user);
        }
        if (password != null && !password.isEmpty()) {
            config.password(password);
        }
        if (target.tls()) {
            SSLParameters verifyHost = new SSLParameters();
            verifyHost.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(verifyHost);
            if (sslSocketFactory != null) {
                config.sslSocketFactory(sslSocketFactory);
            }
        }
        long start = System.nanoTime();
        try (Connection connection = new Connection(new HostAndPort(target.host(), target.port()), config.build())) {
            CommandArguments args = new CommandArguments(() -> SafeEncoder.encode(words.get(0)));
            for (String word : words.subList(1, words.size())) {
                args.add(word.getBytes(StandardCharsets.UTF_8));
            }
            try {
                Object reply = connection.executeCommand(args);
                return new Result(render(reply), false, Duration.ofNanos(System.nanoTime() - start));
            } catch (JedisDataException e) {
                return new Result("(error) " + e.getMessage(), true, Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (JedisConnectionException e) {
            throw networkCause(e);
        }
    }

    /** Jedis wraps the socket's exception (sometimes as a suppressed one); the probe reports the socket's. */
    static IOException networkCause(JedisConnectionException e) {
        List<Throwable> pending = new ArrayList<>(List.of(e));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (t instanceof IOException io) {
                return io;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return new IOException(e.getMessage(), e);
    }

    static String render(Object reply) {
        if (reply == null) {
            return null;
        }
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            List<String> lines = new ArrayList<>();
            for (Object element : list) {
                String text = render(element);
                lines.add(text == null ? "(nil)" : text);
            }
            return String.join("\n", lines);
        }
        if (reply instanceof JedisDataException e) {
            return "(error) " + e.getMessage();
        }
        return String.valueOf(reply);
    }

    /**
     * Splits {@code command "…"} into words as redis-cli does: spaces separate, {@code "double"} quotes take
     * {@code \" \\ \n \r \t \xNN} escapes, {@code 'single'} quotes are literal.
     */
    public static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder current = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length()) {
                    char e = command.charAt(++i);
                    switch (e) {
                        case 'n' -> current.append('\n');
                        case 'r' -> current.append('\r');
                        case 't' -> current.append('\t');
                        case 'x' -> {
                            if (i + 2 >= command.length() || !command.substring(i + 1, i + 3).matches("[0-9a-fA-F]{2}")) {
                                throw new IllegalArgumentException("\\x needs two hex digits in the Redis command");
                            }
                            current.append((char) Integer.parseInt(command.substring(i + 1, i + 3), 16));
                            i += 2;
                        }
                        default -> current.append(e);
                    }
                } else {
                    current.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (current != null) {
                    words.add(current.toString());
                    current = null;
                }
            } else {
                if (current == null) {
                    current = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    current.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in the Redis command");
        }
        if (current != null) {
            words.add(current.toString());
        }
        return words;
    }
}
