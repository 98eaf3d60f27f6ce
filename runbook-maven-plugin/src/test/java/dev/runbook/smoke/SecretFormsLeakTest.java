package dev.runbook.smoke;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runbook.core.InputDigest;
import dev.runbook.core.LinesLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.site.SiteRun;
import dev.runbook.smoke.env.EnvironmentOverrides;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.SmokeResultsStatus;
import dev.runbook.status.ReviewSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #12 point 1, end to end: a real server that echoes the credential back in every form a service (or our
 * own writers) can turn it into; then every file under target/ (results JSON, JUnit XML, the built site)
 * and every console line at debug level is searched for each form. None may appear.
 *
 * <p>The forms are computed here with the JDK and Jackson, independently of the Redactor under test.
 */
class SecretFormsLeakTest {

    /** Space, a double space, quotes, backslash, braces, markup characters, '+', '/', '%' (ASCII: OkHttp refuses other header bytes). */
    private static final String SECRET = "Tk\"9\\ {zq}  <a&b> 'x'/+=%-77Qw";
    private static final String USER = "admin";

    @TempDir
    Path project;

    private HttpServer server;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private Path content;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/basic", x -> answer(x, 500, "text/plain", "denied for " + x.getRequestHeaders().getFirst("Authorization")));
        server.createContext("/query", x -> answer(x, 500, "text/plain", "bad request " + x.getRequestURI().getRawQuery()));
        server.createContext("/forms", x -> answer(x, 500, "text/plain", String.join(" | ", forms(token(x)))));
        server.createContext("/json", x -> {
            x.getResponseHeaders().add("X-Echo", token(x));
            answer(x, 200, "application/json", "{\"token\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(token(x))) + "\"}");
        });
        // The secret straddles the 200-character excerpt cut: only its first piece survives shortening.
        server.createContext("/long", x -> answer(x, 503, "text/plain", "x".repeat(190) + token(x) + " trailing"));
        server.start();

        content = Files.createDirectories(project.resolve("content"));
        Files.writeString(content.resolve("leaks.md"), """
                ---
                title: Leaks
                ---
                # Leaks

                ```smoke {name="basic auth echoed"}
                curl -u admin:{{TOKEN}} {{api}}/basic
                expect status == 200
                ```

                ```smoke {name="query echoed"}
                curl "{{api}}/query?t={{TOKEN}}"
                expect status == 200
                ```

                ```smoke {name="every form echoed"}
                curl -H "X-Token: {{TOKEN}}" {{api}}/forms
                expect status == 200
                ```

                ```smoke {name="json value"}
                curl -H "X-Token: {{TOKEN}}" {{api}}/json
                expect json $.token == "something else"
                expect header X-Echo == "something else"
                expect body contains "never there"
                ```

                ```smoke {name="long body"}
                curl -H "X-Token: {{TOKEN}}" {{api}}/long
                ```
                """);
        Files.writeString(project.resolve("runbook-environments.yaml"), """
                staging:
                  variables: { api: "http://127.0.0.1:%d" }
                  secrets: [TOKEN]
                  allowed_hosts: ["127.0.0.1"]
                """.formatted(server.getAddress().getPort()));
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private static String token(HttpExchange x) {
        String t = x.getRequestHeaders().getFirst("X-Token");
        return t == null ? "" : t;
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    /** Every form the issue names, computed without the Redactor. */
    static Map<String, String> namedForms(String secret) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("raw", secret);
        f.put("base64", Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        f.put("base64 user:secret", Base64.getEncoder().encodeToString((USER + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        f.put("percent +", URLEncoder.encode(secret, StandardCharsets.UTF_8));
        f.put("percent %20", URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        f.put("json", new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
        f.put("xml", secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        f.put("html", secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;"));
        f.put("collapsed", secret.strip().replaceAll("\\s+", " "));
        for (int i = 0; i + 8 <= secret.length(); i++) {
            f.put("piece " + i, secret.substring(i, i + 8));
        }
        return f;
    }

    private static List<String> forms(String secret) {
        Map<String, String> all = namedForms(secret);
        List<String> sent = new ArrayList<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!e.getKey().startsWith("piece") && !e.getKey().contains("user:")) {
                sent.add(e.getValue());
            }
        }
        return sent;
    }

    @Test
    void noFormOfTheSecretReachesAnyFileOrConsoleLine() throws Exception {
        SmokeRequest request = new SmokeRequest(content, "staging", null, project, EnvironmentOverrides.NONE, project.resolve("target"),
                SmokeFixture.OPTIONS, true, Map.of("TOKEN", SECRET)::get, Clock.systemUTC(), new LinesLog(console), false);
        RunbookProblemException failure = assertThrows(RunbookProblemException.class, () -> SmokeSession.run(request));
        console.add("FAILURE " + failure.getMessage());

        SmokeResults results = dev.runbook.smoke.results.SmokeResultsJson.read(new dev.runbook.core.OutputLayout(project.resolve("target")).smokeResultsJson());
        assertEquals(5, results.results().size());
        for (CheckResult r : results.results()) {
            assertEquals(Outcome.FAIL, r.outcome(), r.toString());
        }
        // The failures are real and say what was seen, only masked.
        String all = String.join("\n", console);
        assertTrue(all.contains("denied for Basic •••"), all);
        assertTrue(all.contains("json $.token (\"•••\") == \"something else\""), all);
        assertTrue(all.contains("status (503) < 400"), all);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path results1 = new dev.runbook.core.OutputLayout(project.resolve("target")).smokeResultsJson();
        new SiteRun(new LinesLog(console)).run(SiteRun.Options.walking(content, new dev.runbook.core.OutputLayout(project.resolve("target")),
                project.resolve("target/site"), null, "Runbooks", null, false, today,
                SmokeResultsStatus.load(results1, null, new ReviewSchedule(null), today, Instant.now()), "test", Map.of(), null));
        assertTrue(Files.isRegularFile(project.resolve("target/site/leaks.html")));

        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(project.resolve("target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                leaks.addAll(find(file.toString(), text));
            }
        }
        for (String line : console) {
            leaks.addAll(find("console", line));
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertFalse(console.isEmpty());
    }

    private static List<String> find(String where, String text) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> form : namedForms(SECRET).entrySet()) {
            if (text.contains(form.getValue())) {
                found.add(where + ": " + form.getKey() + " form '" + form.getValue() + "'");
            }
        }
        return found;
    }
}
