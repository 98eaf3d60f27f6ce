package dev.runbook.site.search;

import dev.runbook.testing.RequiredTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the W3C WebDriver protocol to drive headless Chromium through chromedriver on loopback:
 * navigate, run scripts, send keys. Waiting is done inside the page (async scripts that resolve when a
 * condition holds), never by sleeping.
 */
public final class MiniWebDriver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String session;

    public MiniWebDriver(Path userDataDir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(RequiredTool.chromedriver().toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null && !line.contains("started successfully")) {
            seen.append(line).append('\n');
        }
        if (line == null) {
            throw new IOException("chromedriver did not start:\n" + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (IOException ignored) {
                // driver gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        base = "http://127.0.0.1:" + port;
        try {
            session = startSession(userDataDir);
        } catch (IOException | RuntimeException e) {
            driver.destroy();
            throw e;
        }
    }

    private String startSession(Path userDataDir) throws IOException {
        Files.createDirectories(userDataDir);
        Map<String, Object> options = Map.of("binary", RequiredTool.chromium().toString(), "args", List.of(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // One browser process, one renderer, no zygotes: ~170 MB less per browser, so the suite stays
                // under its 2 GB memory budget (docs/maven.md, "The test suite").
                "--no-zygote", "--renderer-process-limit=1", "--in-process-gpu",
                "--user-data-dir=" + userDataDir));
        JsonNode created = call("POST", "/session", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        return created.get("sessionId").asText();
    }

    private JsonNode call(String method, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode value = JSON.readTree(response.body()).get("value");
            if (response.statusCode() != 200) {
                throw new IOException(method + " " + path + " -> " + response.statusCode() + ": " + value);
            }
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public void navigate(String url) throws IOException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    String currentUrl() throws IOException {
        return call("GET", "/session/" + session + "/url", null).asText();
    }

    public JsonNode script(String body, Object... args) throws IOException {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", body, "args", List.of(args)));
    }

    /**
     * Runs {@code condition} (a JS expression) in the page until it is truthy, checking on every DOM
     * change and animation frame; fails after the timeout with the given message.
     */
    public JsonNode waitFor(String condition, String what) throws IOException {
        String body = """
                const done = arguments[arguments.length - 1];
                const check = () => { try { return (%s); } catch (e) { return false; } };
                const t0 = performance.now();
                const tick = () => {
                  const v = check();
                  if (v) return done(v);
                  if (performance.now() - t0 > 15000) return done(null);
                  requestAnimationFrame(tick);
                };
                tick();
                """.formatted(condition);
        JsonNode value = call("POST", "/session/" + session + "/execute/async", Map.of("script", body, "args", List.of()));
        if (value == null || value.isNull()) {
            throw new AssertionError("timed out waiting for " + what + " (" + condition + ")");
        }
        return value;
    }

    /** Sends keys to the focused element through the Actions API (so document-level handlers see them). */
    void keys(String... keys) throws IOException {
        List<Map<String, Object>> actions = new java.util.ArrayList<>();
        for (String k : keys) {
            for (int i = 0; i < k.length(); ) {
                int cp = k.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                actions.add(Map.of("type", "keyDown", "value", ch));
                actions.add(Map.of("type", "keyUp", "value", ch));
                i += Character.charCount(cp);
            }
        }
        call("POST", "/session/" + session + "/actions",
                Map.of("actions", List.of(Map.of("type", "key", "id", "keyboard", "actions", actions))));
    }

    static final String ARROW_DOWN = "\uE015";
    static final String ARROW_UP = "\uE013";
    static final String ENTER = "\uE007";
    static final String ESCAPE = "\uE00C";

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | RuntimeException ignored) {
            // the driver is stopped below either way
        }
        driver.destroy();
    }
}
