package dev.runbook.smoke.kind.redis;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.servers.RedisServer;
import dev.runbook.smoke.servers.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `redis` smoke blocks end to end against a real redis-server. */
class RedisChecksTest {

    static RedisServer redis;

    @TempDir
    Path dir;

    private final SmokeFixture fixture = new SmokeFixture();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    private Environment env(int port, String allowed) throws Exception {
        return SmokeFixture.environment(dir, "test:\n  variables: { redis: \"redis://127.0.0.1:" + port + "\" }\n  allowed_hosts: " + allowed + "\n", Map.of());
    }

    @Test
    void pingAndReplicationRole() throws Exception {
        Environment e = env(redis.port, "[\"127.0.0.1\"]");
        CheckResult r = fixture.runOne(e, "", "redis {{redis}}\ncommand \"PING\"\nexpect reply == \"PONG\"\nexpect time < 5s");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        CheckResult role = fixture.runOne(e, "", "redis {{redis}}\ncommand \"INFO replication\"\nexpect reply contains \"role:master\"");
        assertEquals(Outcome.PASS, role.outcome(), role.message());
    }

    @Test
    void aFailureShowsTheResolvedReply() throws Exception {
        Environment e = env(redis.port, "[\"127.0.0.1\"]");
        CheckResult r = fixture.runOne(e, "{write=true}", "redis {{redis}}\ncommand \"NOSUCH\"\nexpect reply contains \"PONG\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().startsWith("reply (\"(error) ERR unknown command"), r.message());
        assertTrue(r.message().endsWith(") contains \"PONG\""), r.message());
    }

    @Test
    void writesNeedWriteTrue() throws Exception {
        Environment e = env(redis.port, "[\"127.0.0.1\"]");
        CheckResult refused = fixture.runOne(e, "", "redis {{redis}}\ncommand \"SET smoke:written yes\"\nexpect reply == \"OK\"");
        assertEquals(Outcome.SKIPPED, refused.outcome(), refused.message());
        assertTrue(SmokeFixture.parseOne("", "redis redis://127.0.0.1:6379\ncommand \"SET smoke:written yes\"").errors().get(0).message()
                .startsWith("Redis SET changes state on the server"));
        CheckResult viaPlaceholder = fixture.runOne(SmokeFixture.environment(dir, "test:\n  variables: { redis: \"redis://127.0.0.1:" + redis.port
                + "\", cmd: \"DEL smoke:written\" }\n  allowed_hosts: [\"127.0.0.1\"]\n", Map.of()), "", "redis {{redis}}\ncommand \"{{cmd}}\"\nexpect reply exists");
        assertEquals(Outcome.ERROR, viaPlaceholder.outcome());
        assertTrue(viaPlaceholder.message().contains("DEL is not on the list of read-only Redis commands"), viaPlaceholder.message());
        CheckResult allowed = fixture.runOne(e, "{write=true}", "redis {{redis}}\ncommand \"SET smoke:written yes\"\nexpect reply == \"OK\"");
        assertEquals(Outcome.PASS, allowed.outcome(), allowed.message());
    }

    @Test
    void timeoutAndRefused() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult r = fixture.runOne(env(silent.getLocalPort(), "[\"127.0.0.1\"]"), "{timeout=300ms}",
                    "redis {{redis}}\ncommand \"PING\"\nexpect reply == \"PONG\"");
            assertEquals(Outcome.FAIL, r.outcome());
            assertTrue(r.message().startsWith("no response within 300ms (timeout)"), r.message());
        }
        CheckResult refused = fixture.runOne(env(ServerProcess.freePort(), "[\"127.0.0.1\"]"), "",
                "redis {{redis}}\ncommand \"PING\"\nexpect reply == \"PONG\"");
        assertEquals(Outcome.FAIL, refused.outcome());
        assertTrue(refused.message().startsWith("connection refused"), refused.message());
    }

    @Test
    void aHostOutsideTheAllowlistGetsNoByte() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult r = fixture.runOne(env(listener.getLocalPort(), "[\"cache.example.com\"]"), "",
                    "redis {{redis}}\ncommand \"PING\"\nexpect reply == \"PONG\"");
            assertEquals(Outcome.ERROR, r.outcome());
            assertTrue(r.message().contains("is not in the allowed_hosts of environment test (nothing was sent)"), r.message());
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection reached the listener");
        }
    }
}
