package dev.runbook.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import dev.runbook.testing.RequiredTool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real headless Chromium driven over the DevTools protocol (one WebSocket, flat sessions): enough to
 * open a page, run a line of JavaScript in it and wait for its load events.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final Duration wait;
    private String session;

    HeadlessChromium(Path profile, Duration wait) throws Exception {
        this.wait = wait;
        Files.createDirectories(profile);
        process = new ProcessBuilder(List.of(RequiredTool.chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync",
                // One browser process, one renderer, no zygotes: ~170 MB less per browser, so the suite stays
                // under its 2 GB memory budget (docs/maven.md, "The test suite").
                "--no-zygote", "--renderer-process-limit=1", "--in-process-gpu",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread stderr = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("DevTools listening on ")) {
                        endpoint.complete(line.substring("DevTools listening on ".length()).trim());
                    }
                }
            } catch (IOException ignored) {
                // the browser exited
            }
            endpoint.completeExceptionally(new IOException("chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        stderr.setDaemon(true);
        stderr.start();
        String url = endpoint.get(wait.toSeconds(), TimeUnit.SECONDS);
        socket = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                try {
                    messages.add(JSON.readTree(text));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                messages.add(JSON.createObjectNode().put("failure", String.valueOf(t)));
            }
        });
    }

    /** Opens a new tab on the page and attaches to it; later commands go to that tab. */
    void open(String url) throws Exception {
        String target = call(null, "Target.createTarget", JSON.createObjectNode().put("url", url)).get("targetId").asText();
        session = call(null, "Target.attachToTarget", JSON.createObjectNode().put("targetId", target).put("flatten", true))
                .get("sessionId").asText();
        call(session, "Page.enable", JSON.createObjectNode());
    }

    /** The value of a JavaScript expression in the tab (promises are awaited). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call(session, "Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        return result.path("result").path("value");
    }

    /** Waits for the tab's next load event (a reload, for instance). */
    void awaitLoad() throws Exception {
        next(m -> "Page.loadEventFired".equals(m.path("method").asText()) && session.equals(m.path("sessionId").asText()));
    }

    private JsonNode call(String sessionId, String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        socket.send(JSON.writeValueAsString(message));
        JsonNode answer = next(m -> m.path("id").asInt() == id);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    private JsonNode next(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new IllegalStateException("no answer from chromium within " + wait);
            }
            if (message.has("failure")) {
                throw new IllegalStateException("DevTools connection failed: " + message.get("failure").asText());
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            // A browser asked to close removes its temporary files; a killed one leaves them in /tmp.
            call(null, "Browser.close", JSON.createObjectNode());
        } catch (IllegalStateException alreadyGone) {
            process.destroy();
        }
        socket.close(1000, null);
        if (!process.waitFor(wait.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
