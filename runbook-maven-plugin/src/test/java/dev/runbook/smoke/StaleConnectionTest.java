package dev.runbook.smoke;

import dev.runbook.model.Runbook;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #12 point 4 against a real HTTP/1.0 server on a plain ServerSocket that answers one request per
 * connection and closes any connection a client tries to reuse, without answering: exactly what a client
 * sees when the server closed an idle pooled connection just before it was picked.
 */
class StaleConnectionTest {

    @TempDir
    Path dir;

    private ServerSocket listener;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread t = new Thread(() -> serve(s), "http10-conn");
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "http10-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    /** First request: an HTTP/1.0 answer with a length, the socket left open. Any further request: closed unanswered. */
    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            for (int n = 0; ; n++) {
                String requestLine = in.readLine();
                if (requestLine == null) {
                    return;
                }
                int length = 0;
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(h.substring(15).strip());
                    }
                }
                for (int i = 0; i < length; i++) {
                    in.read();
                }
                requests.add(requestLine + (n == 0 ? " (fresh)" : " (reused: closed)"));
                if (n > 0) {
                    return;
                }
                out.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private Environment environment() throws Exception {
        return SmokeFixture.environment(dir, """
                test:
                  variables: { api: "http://127.0.0.1:%d" }
                  allowed_hosts: ["127.0.0.1"]
                """.formatted(listener.getLocalPort()), Map.of());
    }

    @Test
    void twelveGetsAllPassAlthoughTheServerClosesEveryReusedConnection() throws Exception {
        StringBuilder page = new StringBuilder("# Many\n");
        for (int i = 0; i < 12; i++) {
            page.append("\n```smoke {name=\"get ").append(i).append("\"}\nGET {{api}}/health\nexpect status == 200\n```\n");
        }
        Runbook runbook = SmokeFixture.runbook("ops/many.md", page.toString());
        SmokeResults results = new SmokeFixture().run(environment(), runbook);
        List<CheckResult> failed = results.results().stream().filter(r -> r.outcome() != Outcome.PASS).toList();
        assertEquals(List.of(), failed);
        assertEquals(12, results.count(Outcome.PASS));
        // The server really did close reused connections: the fix is being exercised, not avoided.
        assertTrue(requests.stream().anyMatch(r -> r.endsWith("(reused: closed)")), requests.toString());
    }

    @Test
    void aWriteOnAStaleConnectionFailsAndIsNeverSentTwice() throws Exception {
        Runbook runbook = SmokeFixture.runbook("ops/write.md", """
                # Write

                ```smoke {name="read first"}
                GET {{api}}/health
                expect status == 200
                ```

                ```smoke {name="then write" write=true}
                POST {{api}}/jobs
                Content-Type: text/plain

                run once
                expect status == 200
                ```
                """);
        // One at a time, so the POST is offered the connection the GET left in the pool.
        Environment env = environment();
        SmokeResults results;
        try (dev.runbook.smoke.run.EnvironmentClient client = new dev.runbook.smoke.run.EnvironmentClient(env)) {
            results = new dev.runbook.smoke.run.SmokeRunner(env, client,
                    new dev.runbook.smoke.run.RunnerOptions(1, java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(10)),
                    java.time.Clock.systemUTC(), dev.runbook.core.RunLog.SILENT)
                    .run(dev.runbook.smoke.parse.SmokeParser.parse(runbook));
        }
        CheckResult write = results.results().get(1);
        // The POST went out on the pooled connection the server had closed: it fails, and is not sent again.
        assertEquals(List.of("GET /health HTTP/1.1 (fresh)", "POST /jobs HTTP/1.1 (reused: closed)"), requests);
        assertEquals(Outcome.FAIL, write.outcome(), write.toString());
        assertTrue(write.message().contains("unexpected end of stream"), write.message());
    }
}
