package dev.runbook.smoke.kind.tcp;

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

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `tcp` with `send` and `expect message`, against a real redis-server speaking RESP and plain loopback listeners. */
class TcpPayloadChecksTest {

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
        return SmokeFixture.environment(dir, "test:\n  variables: { target: \"127.0.0.1:" + port + "\" }\n  allowed_hosts: " + allowed + "\n", Map.of());
    }

    @Test
    void redisPingOverAPlainSocket() throws Exception {
        CheckResult r = fixture.runOne(env(redis.port, "[\"127.0.0.1\"]"), "{timeout=5s}",
                "tcp {{target}}\nsend \"PING\\r\\n\"\nexpect message startsWith \"+PONG\"\nexpect time < 5s");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        // reading stopped at the expected bytes, not at the 5s timeout (redis keeps the connection open)
        assertTrue(r.durationMs() < 4000, "took " + r.durationMs() + "ms");
    }

    @Test
    void aFailureShowsWhatCameBack() throws Exception {
        CheckResult r = fixture.runOne(env(redis.port, "[\"127.0.0.1\"]"), "{timeout=1s}",
                "tcp {{target}}\nsend \"NOSUCH\\r\\n\"\nexpect message contains \"+PONG\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().startsWith("message (\"-ERR unknown command"), r.message());
        assertTrue(r.message().endsWith(" contains \"+PONG\""), r.message());
    }

    @Test
    void escapesAreSentAsBytesAndABannerIsReadWithoutSending() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            byte[][] got = new byte[1][];
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("220 mail.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    InputStream in = s.getInputStream();
                    got[0] = in.readNBytes(6);
                    s.getOutputStream().write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    got[0] = new byte[0];
                }
            });
            t.start();
            CheckResult r = fixture.runOne(env(server.getLocalPort(), "[\"127.0.0.1\"]"), "{timeout=5s}",
                    "tcp {{target}}\nsend \"\\x00\\tA\\r\\n\\\\\"\nexpect message contains \"250 ok\"");
            t.join();
            assertEquals(Outcome.PASS, r.outcome(), r.message());
            assertArrayEquals(new byte[]{0, '\t', 'A', '\r', '\n', '\\'}, got[0]);
        }
    }

    @Test
    void silenceTimesOutAndAClosedPortIsRefused() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult r = fixture.runOne(env(silent.getLocalPort(), "[\"127.0.0.1\"]"), "{timeout=300ms}",
                    "tcp {{target}}\nsend \"PING\\r\\n\"\nexpect message contains \"PONG\"");
            assertEquals(Outcome.FAIL, r.outcome());
            assertTrue(r.message().startsWith("no response within 300ms (timeout)"), r.message());
        }
        CheckResult refused = fixture.runOne(env(ServerProcess.freePort(), "[\"127.0.0.1\"]"), "",
                "tcp {{target}}\nsend \"PING\\r\\n\"\nexpect message contains \"PONG\"");
        assertEquals(Outcome.FAIL, refused.outcome());
        assertTrue(refused.message().startsWith("connection refused"), refused.message());
    }

    @Test
    void aHostOutsideTheAllowlistGetsNoByte() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult r = fixture.runOne(env(listener.getLocalPort(), "[\"redis.example.com\"]"), "",
                    "tcp {{target}}\nsend \"PING\\r\\n\"\nexpect message contains \"PONG\"");
            assertEquals(Outcome.ERROR, r.outcome());
            assertTrue(r.message().contains("(nothing was sent)"), r.message());
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection reached the listener");
        }
    }

    @Test
    void badEscapesAreSyntaxErrors() {
        assertFalse(SmokeFixture.parseOne("", "tcp 127.0.0.1:6379\nsend \"\\q\"").errors().isEmpty());
        assertFalse(SmokeFixture.parseOne("", "tcp 127.0.0.1:6379\nsend \"\\x4\"").errors().isEmpty());
        assertFalse(SmokeFixture.parseOne("", "tcp 127.0.0.1:6379\nsend PING").errors().isEmpty());
    }
}
