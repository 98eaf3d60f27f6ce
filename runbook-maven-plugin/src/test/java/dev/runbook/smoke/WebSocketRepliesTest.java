package dev.runbook.smoke;

import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * #12 point 5 against a real WebSocket server (mockwebserver3) that greets every connection: the reply to
 * a send is the first message after it, never the greeting; a connect-only check ends at the handshake.
 */
class WebSocketRepliesTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void enqueueGreetingServer(boolean reply) {
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send("{\"type\":\"welcome\"}");
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                if (reply) {
                    webSocket.send("{\"type\":\"pong\",\"to\":\"" + text + "\"}");
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }
        }).build());
    }

    private Environment environment() throws Exception {
        return SmokeFixture.environment(dir, """
                test:
                  variables: { collab: "ws://127.0.0.1:%d/collab" }
                  allowed_hosts: ["127.0.0.1"]
                """.formatted(server.getPort()), Map.of());
    }

    @Test
    void fortyRunsAgainstAGreetingServerNeverTakeTheGreetingForTheReply() throws Exception {
        Environment env = environment();
        int wrong = 0;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            enqueueGreetingServer(true);
            CheckResult r = new SmokeFixture().runOne(env, "{name=\"ping\"}", """
                    {{collab}}
                    send ping-%d
                    expect message contains "pong"
                    expect message contains "ping-%d"
                    """.formatted(i, i));
            if (r.outcome() != Outcome.PASS) {
                wrong++;
                seen.append(r.message()).append('\n');
            }
        }
        assertEquals(0, wrong, seen.toString());
    }

    @Test
    void withoutSendTheGreetingIsTheMessage() throws Exception {
        enqueueGreetingServer(false);
        CheckResult r = new SmokeFixture().runOne(environment(), "{name=\"greeting\"}", """
                {{collab}}
                expect message contains "welcome"
                """);
        assertEquals(Outcome.PASS, r.outcome(), r.message());
    }

    @Test
    void aConnectOnlyCheckEndsAtTheHandshake() throws Exception {
        // This server never sends anything: a check that waited for a message would hit its 10s timeout.
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }
        }).build());
        CheckResult r = new SmokeFixture().runOne(environment(), "{name=\"connect only\" timeout=10s}", """
                {{collab}}
                expect connected == true
                expect time < 5s
                """);
        assertEquals(Outcome.PASS, r.outcome(), r.message());
    }
}
