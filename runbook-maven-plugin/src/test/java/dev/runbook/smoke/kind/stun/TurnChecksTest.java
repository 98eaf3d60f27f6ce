package dev.runbook.smoke.kind.stun;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.servers.ServerProcess;
import dev.runbook.smoke.servers.TurnServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `stun` and `turn` smoke blocks end to end against a real coturn. */
class TurnChecksTest {

    static TurnServer coturn;

    @TempDir
    Path dir;

    private final SmokeFixture fixture = new SmokeFixture();

    @BeforeAll
    static void start() throws Exception {
        coturn = TurnServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        coturn.close();
    }

    private Environment env(int port, String allowed, String password) throws Exception {
        return SmokeFixture.environment(dir, "test:\n  variables: { turn: \"127.0.0.1:" + port + "\" }\n  secrets: [TURN_USER, TURN_PASSWORD]\n"
                + "  allowed_hosts: " + allowed + "\n", Map.of("TURN_USER", TurnServer.USER, "TURN_PASSWORD", password));
    }

    @Test
    void stunOverUdpAndTcpAndATurnAllocation() throws Exception {
        Environment e = env(coturn.port, "[\"127.0.0.1\"]", TurnServer.PASSWORD);
        for (String transport : new String[]{"udp", "tcp"}) {
            CheckResult stun = fixture.runOne(e, "", "stun {{turn}} " + transport + "\nexpect mapped_address startsWith \"127.0.0.1:\"\nexpect time < 5s");
            assertEquals(Outcome.PASS, stun.outcome(), stun.message());
            CheckResult turn = fixture.runOne(e, "", "turn {{turn}} " + transport + " user={{TURN_USER}} password={{TURN_PASSWORD}}\n"
                    + "expect relayed_address exists\nexpect relayed_address startsWith \"127.0.0.1:\"");
            assertEquals(Outcome.PASS, turn.outcome(), turn.message());
        }
    }

    @Test
    void aFailureShowsTheResolvedAddress() throws Exception {
        CheckResult r = fixture.runOne(env(coturn.port, "[\"127.0.0.1\"]", TurnServer.PASSWORD), "",
                "stun {{turn}}\nexpect mapped_address startsWith \"203.0.113.\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().matches("mapped_address \\(\"127\\.0\\.0\\.1:\\d+\"\\) startsWith \"203\\.0\\.113\\.\""), r.message());
    }

    @Test
    void wrongCredentialsFailWithTheServersCodeAndTheSecretIsMasked() throws Exception {
        CheckResult r = fixture.runOne(env(coturn.port, "[\"127.0.0.1\"]", "wrong-password-123"), "",
                "turn {{turn}} udp user={{TURN_USER}} password={{TURN_PASSWORD}}\nexpect relayed_address exists");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().startsWith("allocate request refused by the server: 401")
                || r.message().startsWith("allocate request refused by the server: 441"), r.message());
        assertFalse(r.message().contains("wrong-password-123"));
    }

    @Test
    void timeoutAndRefused() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CheckResult r = fixture.runOne(env(silent.getLocalPort(), "[\"127.0.0.1\"]", TurnServer.PASSWORD), "{timeout=600ms}",
                    "stun {{turn}} udp\nexpect mapped_address exists");
            assertEquals(Outcome.FAIL, r.outcome());
            assertTrue(r.message().startsWith("no response within 600ms (timeout)"), r.message());
        }
        CheckResult refused = fixture.runOne(env(ServerProcess.freePort(), "[\"127.0.0.1\"]", TurnServer.PASSWORD), "",
                "stun {{turn}} tcp\nexpect mapped_address exists");
        assertEquals(Outcome.FAIL, refused.outcome());
        assertTrue(refused.message().startsWith("connection refused"), refused.message());
    }

    @Test
    void aHostOutsideTheAllowlistGetsNoPacket() throws Exception {
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Environment e = env(listener.getLocalPort(), "[\"turn.example.com\"]", TurnServer.PASSWORD);
            for (String body : new String[]{"stun {{turn}} udp\nexpect mapped_address exists",
                    "turn {{turn}} udp user={{TURN_USER}} password={{TURN_PASSWORD}}\nexpect relayed_address exists"}) {
                CheckResult r = fixture.runOne(e, "", body);
                assertEquals(Outcome.ERROR, r.outcome());
                assertTrue(r.message().contains("is not in the allowed_hosts of environment test (nothing was sent)"), r.message());
            }
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> listener.receive(new DatagramPacket(new byte[64], 64)), "no packet arrived");
        }
    }
}
