package dev.runbook.smoke.kind.stun;

import dev.runbook.smoke.servers.ServerProcess;
import dev.runbook.smoke.servers.TurnServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The STUN/TURN client against a real coturn on loopback. */
class StunClientTest {

    static TurnServer coturn;
    static InetSocketAddress server;

    @BeforeAll
    static void start() throws Exception {
        coturn = TurnServer.start();
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), coturn.port);
    }

    @AfterAll
    static void stop() throws Exception {
        coturn.close();
    }

    @Test
    void bindingOverUdpAndTcpReportsTheMappedAddress() throws Exception {
        for (StunClient.Transport transport : StunClient.Transport.values()) {
            try (StunClient client = new StunClient(server, transport, Duration.ofSeconds(10))) {
                StunClient.Binding binding = client.binding();
                assertEquals(InetAddress.getLoopbackAddress(), binding.mappedAddress().getAddress(), transport.name());
                assertTrue(binding.mappedAddress().getPort() > 0);
                assertTrue(binding.time().compareTo(Duration.ofSeconds(10)) < 0);
            }
        }
    }

    @Test
    void allocationWithLongTermCredentialsGetsARelayAndReleasesIt() throws Exception {
        for (StunClient.Transport transport : StunClient.Transport.values()) {
            try (StunClient client = new StunClient(server, transport, Duration.ofSeconds(10))) {
                StunClient.Allocation a = client.allocate(TurnServer.USER, TurnServer.PASSWORD);
                assertNotNull(a.relayedAddress(), transport.name());
                assertEquals("127.0.0.1", a.relayedAddress().getAddress().getHostAddress());
                assertTrue(a.lifetimeSeconds() > 0);
                assertTrue(a.released(), "Refresh with lifetime 0 succeeded");
            }
        }
    }

    @Test
    void wrongCredentialsFailWithTheServersErrorCodeNotATimeout() throws Exception {
        try (StunClient client = new StunClient(server, StunClient.Transport.UDP, Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            StunClient.ErrorResponseException e = assertThrows(StunClient.ErrorResponseException.class,
                    () -> client.allocate(TurnServer.USER, "wrong-password"));
            assertTrue(e.code == 401 || e.code == 441, e.getMessage());
            assertTrue(e.getMessage().startsWith("allocate request refused by the server: 4"), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        }
    }

    @Test
    void aSilentUdpServerTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             StunClient client = new StunClient((InetSocketAddress) silent.getLocalSocketAddress(), StunClient.Transport.UDP, Duration.ofMillis(700))) {
            assertThrows(SocketTimeoutException.class, client::binding);
        }
    }

    @Test
    void aClosedTcpPortIsRefused() throws Exception {
        int closed = ServerProcess.freePort();
        try (StunClient client = new StunClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed), StunClient.Transport.TCP, Duration.ofSeconds(5))) {
            assertThrows(ConnectException.class, client::binding);
        }
    }
}
