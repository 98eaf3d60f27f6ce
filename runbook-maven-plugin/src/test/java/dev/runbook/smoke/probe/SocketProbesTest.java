package dev.runbook.smoke.probe;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS, WebSocket, TCP and DNS probes, and the allowlist, against real loopback listeners. */
class SocketProbesTest {

    @TempDir
    Path dir;

    private final SmokeFixture fixture = new SmokeFixture();
    private final MockWebServer server = new MockWebServer();
    private HeldCertificate ca;

    @BeforeEach
    void setUp() throws Exception {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("runbook test CA").build();
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void startHttps(long validDays) throws Exception {
        long now = System.currentTimeMillis();
        HeldCertificate leaf = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .validityInterval(now - TimeUnit.HOURS.toMillis(1), now + TimeUnit.DAYS.toMillis(validDays) + TimeUnit.HOURS.toMillis(1))
                .signedBy(ca)
                .build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(leaf, ca.certificate()).build();
        server.useHttps(serverCerts.sslSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private Environment env(String variables, String allowed, boolean trusted) throws Exception {
        return SmokeFixture.environment(dir, "test:\n  variables: " + variables + "\n  allowed_hosts: " + allowed
                + (trusted ? "\n  trust: [ca.pem]" : "") + "\n", Map.of());
    }

    @Test
    void httpsWithTheEnvironmentsOwnCa() throws Exception {
        startHttps(90);
        server.enqueue(new MockResponse.Builder().body("{\"status\":\"ok\"}").build());
        Environment trusted = env("{ api: \"https://127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", true);
        CheckResult r = fixture.runOne(trusted, "", "curl -fsS {{api}}/health\nexpect json $.status == \"ok\"");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
    }

    @Test
    void httpsWithoutTrustFailsUnlessCurlSaysK() throws Exception {
        startHttps(90);
        server.enqueue(new MockResponse.Builder().body("ok").build());
        Environment untrusted = env("{ api: \"https://127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", false);
        CheckResult r = fixture.runOne(untrusted, "", "curl -fsS {{api}}/health\nexpect status == 200");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().contains("TLS handshake failed"), r.message());
        CheckResult insecure = fixture.runOne(untrusted, "", "curl -k {{api}}/health\nexpect status == 200");
        assertEquals(Outcome.PASS, insecure.outcome(), insecure.message());
    }

    @Test
    void certificateThatExpiresInThreeDays() throws Exception {
        startHttps(3);
        Environment trusted = env("{ edge: \"127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", true);
        CheckResult tooSoon = fixture.runOne(trusted, "", "tls {{edge}}\nexpect connected == true\nexpect cert.days_left > 14");
        assertEquals(Outcome.FAIL, tooSoon.outcome());
        assertEquals("cert.days_left (3) > 14", tooSoon.message());
        CheckResult alarm = fixture.runOne(trusted, "", "tls {{edge}}\nexpect cert.days_left < 7");
        assertEquals(Outcome.PASS, alarm.outcome(), alarm.message());
    }

    @Test
    void tlsHandshakeUsesTheEnvironmentTrustOnly() throws Exception {
        startHttps(90);
        Environment untrusted = env("{ edge: \"127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", false);
        CheckResult r = fixture.runOne(untrusted, "", "tls {{edge}}\nexpect connected == true");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().contains("TLS handshake failed"), r.message());
        assertTrue(r.message().contains("connected (false) == true"), r.message());
    }

    @Test
    void webSocketSendAndExpectMessage() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                if (text.contains("ping")) {
                    webSocket.send("{\"type\":\"pong\"}");
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }
        }).build());
        Environment e = env("{ collab: \"ws://127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", false);
        CheckResult r = fixture.runOne(e, "{timeout=5s}", """
                {{collab}}/collab
                expect connected == true
                send {"type":"ping"}
                expect message contains "pong"
                expect message == "{\\"type\\":\\"pong\\"}\"""");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        assertEquals("/collab", server.takeRequest().getTarget());
    }

    @Test
    void webSocketWithoutAnswerTimesOut() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }
        }).build());
        Environment e = env("{ collab: \"ws://127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", false);
        CheckResult r = fixture.runOne(e, "{timeout=300ms}", "{{collab}}/collab\nsend ping\nexpect message contains \"pong\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().contains("no message within 300ms (timeout)"), r.message());
    }

    @Test
    void tcpConnectsAndReportsRefusal() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Environment e = env("{ turn: \"127.0.0.1:" + listener.getLocalPort() + "\" }", "[\"127.0.0.1\"]", false);
            CheckResult r = fixture.runOne(e, "", "tcp {{turn}}\nexpect connected == true");
            assertEquals(Outcome.PASS, r.outcome(), r.message());
            try (Socket accepted = listener.accept()) {
                assertNotNull(accepted);
            }
        }
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            closedPort = gone.getLocalPort();
        }
        Environment e = env("{ turn: \"127.0.0.1:" + closedPort + "\" }", "[\"127.0.0.1\"]", false);
        CheckResult refused = fixture.runOne(e, "", "tcp {{turn}}\nexpect connected == true");
        assertEquals(Outcome.FAIL, refused.outcome());
        assertTrue(refused.message().contains("connection refused"), refused.message());
        assertTrue(refused.message().contains("connected (false) == true"), refused.message());
        CheckResult mustBeClosed = fixture.runOne(e, "", "tcp {{turn}}\nexpect connected == false");
        assertEquals(Outcome.PASS, mustBeClosed.outcome(), mustBeClosed.message());
    }

    @Test
    void probesToAHostOutsideTheAllowlistSendNothing() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = listener.getLocalPort();
            Environment e = env("{ target: \"127.0.0.1:" + port + "\", url: \"http://127.0.0.1:" + port + "\", ws: \"ws://127.0.0.1:" + port + "\" }",
                    "[\"127.0.0.1:" + (port == 65535 ? 1 : port + 1) + "\", \"*.example.com\"]", false);
            for (String body : new String[] {
                    "tcp {{target}}\nexpect connected == true",
                    "tls {{target}}\nexpect connected == true",
                    "curl {{url}}/health\nexpect status == 200",
                    "GET {{url}}/health\nexpect status == 200",
                    "{{ws}}/collab\nexpect connected == true"}) {
                CheckResult r = fixture.runOne(e, "", body);
                assertEquals(Outcome.ERROR, r.outcome(), body);
                assertTrue(r.message().contains("host 127.0.0.1 (port " + port + ") is not in the allowed_hosts of environment test"), r.message());
            }
            // Every probe has returned, so any connection would already wait in the backlog.
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection reached the listener");
        }
    }

    @Test
    void anHttpsAnswerCarriesItsCertificate() throws Exception {
        startHttps(90);
        server.enqueue(new MockResponse.Builder().body("ok").build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        Environment trusted = env("{ api: \"https://127.0.0.1:" + server.getPort() + "\" }", "[\"127.0.0.1\"]", true);
        CheckResult ok = fixture.runOne(trusted, "", "GET {{api}}/health\nexpect cert.days_left > 80\nexpect cert.subject exists");
        assertEquals(Outcome.PASS, ok.outcome(), ok.message());
        CheckResult soon = fixture.runOne(trusted, "", "GET {{api}}/health\nexpect cert.days_left > 100");
        assertEquals(Outcome.FAIL, soon.outcome());
        assertTrue(soon.message().startsWith("cert.days_left (90) > 100"), soon.message());
    }

    @Test
    void dnsResolvesOnlyAllowlistedNames() throws Exception {
        Environment e = env("{ }", "[\"localhost\"]", false);
        CheckResult ok = fixture.runOne(e, "", "dns localhost A\nexpect connected == true\nexpect body contains \"127.0.0.1\"");
        assertEquals(Outcome.PASS, ok.outcome(), ok.message());
        CheckResult refused = fixture.runOne(e, "", "dns db.internal.example.org\nexpect connected == true");
        assertEquals(Outcome.ERROR, refused.outcome());
        assertTrue(refused.message().contains("host db.internal.example.org is not in the allowed_hosts of environment test (no DNS query was made)"),
                refused.message());
    }
}
