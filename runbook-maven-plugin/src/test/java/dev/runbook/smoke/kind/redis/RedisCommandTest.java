package dev.runbook.smoke.kind.redis;

import dev.runbook.smoke.servers.RedisServer;
import dev.runbook.smoke.servers.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One command per check against a real redis-server on loopback. */
class RedisCommandTest {

    static RedisServer redis;
    static RedisCommand.Target target;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        target = RedisCommand.Target.parse("redis://127.0.0.1:" + redis.port);
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    private static RedisCommand.Result run(String command, boolean write) throws Exception {
        return RedisCommand.run(target, null, null, RedisCommand.words(command), write, Duration.ofSeconds(5), null);
    }

    @Test
    void repliesReadAsRedisCliPrintsThem() throws Exception {
        assertEquals("PONG", run("PING", false).reply());
        assertTrue(run("INFO replication", false).reply().contains("role:master"));
        assertNull(run("GET never-set", false).reply());
        assertEquals("0", run("EXISTS never-set", false).reply());
        assertEquals("hello world", run("ECHO \"hello world\"", false).reply());
    }

    @Test
    void writesAreRefusedBeforeSendingUnlessAllowed() throws Exception {
        RedisCommand.RefusedException e = assertThrows(RedisCommand.RefusedException.class, () -> run("SET smoke:k v", false));
        assertTrue(e.getMessage().startsWith("SET is not on the list of read-only Redis commands"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(nothing was sent)"));
        assertThrows(RedisCommand.RefusedException.class, () -> run("config set maxmemory 1", false));
        assertThrows(RedisCommand.RefusedException.class, () -> run("FLUSHALL", false));
        assertNull(run("GET smoke:k", false).reply(), "the refused SET never reached the server");

        assertEquals("OK", run("SET smoke:k v", true).reply());
        assertEquals("v", run("GET smoke:k", false).reply());
        assertThrows(RedisCommand.RefusedException.class, () -> run("MONITOR", true));
    }

    @Test
    void errorRepliesAreTheServersText() throws Exception {
        RedisCommand.Result r = run("NOSUCHCOMMAND x", true);
        assertTrue(r.error());
        assertTrue(r.reply().startsWith("(error) ERR unknown command"), r.reply());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndAClosedPortIsRefused() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RedisCommand.Target t = RedisCommand.Target.parse("redis://127.0.0.1:" + silent.getLocalPort());
            assertThrows(SocketTimeoutException.class,
                    () -> RedisCommand.run(t, null, null, List.of("PING"), false, Duration.ofMillis(300), null));
        }
        RedisCommand.Target closed = RedisCommand.Target.parse("redis://127.0.0.1:" + ServerProcess.freePort());
        assertThrows(ConnectException.class,
                () -> RedisCommand.run(closed, null, null, List.of("PING"), false, Duration.ofSeconds(2), null));
    }

    @Test
    void wordsAndUrls() {
        assertEquals(List.of("SET", "a b", "x\r\n", "it's"), RedisCommand.words("SET \"a b\" \"x\\r\\n\" \"it's\""));
        assertEquals(List.of("GET", "$not expanded"), RedisCommand.words("GET '$not expanded'"));
        assertEquals(new RedisCommand.Target("cache.example.com", 6380, 2, true), RedisCommand.Target.parse("rediss://cache.example.com:6380/2"));
        assertThrows(IllegalArgumentException.class, () -> RedisCommand.Target.parse("redis://user:pw@host:6379"));
    }
}
