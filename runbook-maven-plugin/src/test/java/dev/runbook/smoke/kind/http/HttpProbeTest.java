package dev.runbook.smoke.kind.http;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP probes against a real loopback server. */
class HttpProbeTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer other = new MockWebServer();
    private final SmokeFixture fixture = new SmokeFixture();
    private Environment env;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        other.start(InetAddress.getByName("127.0.0.1"), 0);
        // Only the first server is allowed: same loopback address, another port.
        env = SmokeFixture.environment(dir, """
                test:
                  variables: { api: "http://127.0.0.1:%d", elsewhere: "http://127.0.0.1:%d" }
                  allowed_hosts: ["127.0.0.1:%d"]
                """.formatted(server.getPort(), other.getPort(), server.getPort()), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void passingCheckSendsWhatTheRunbookSays() throws Exception {
        server.enqueue(json(200, "{\"status\":\"ok\",\"checks\":{\"db\":\"ok\"}}"));
        CheckResult r = fixture.runOne(env, "{name=\"API health\"}", """
                curl -fsS -H 'X-Probe: smoke' {{api}}/health
                expect status == 200
                expect json $.status == "ok"
                expect json $.checks.db == "ok"
                expect header Content-Type contains "json"
                expect time < 10s""");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        assertEquals(1, r.attempts());
        RecordedRequest seen = server.takeRequest();
        assertEquals("GET", seen.getMethod());
        assertEquals("/health", seen.getTarget());
        assertEquals("smoke", seen.getHeaders().get("X-Probe"));
    }

    @Test
    void failureShowsResolvedValuesAndBodyExcerpt() throws Exception {
        server.enqueue(json(503, "{\"status\":\"degraded\",\"reason\":\"index rebuild in progress\"}"));
        CheckResult r = fixture.runOne(env, "", """
                GET {{api}}/api/v1/search/health
                Accept: application/json
                expect status == 200
                expect json $.status == "ok"
                expect header Content-Type contains "html"
                expect json $.missing exists""");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().contains("status (503) == 200"), r.message());
        assertTrue(r.message().contains("json $.status (\"degraded\") == \"ok\""), r.message());
        assertTrue(r.message().contains("header Content-Type (\"application/json\") contains \"html\""), r.message());
        assertTrue(r.message().contains("json $.missing (missing) exists"), r.message());
        assertTrue(r.message().contains("body: {\"status\":\"degraded\",\"reason\":\"index rebuild in progress\"}"), r.message());
        assertEquals("application/json", server.takeRequest().getHeaders().get("Accept"));
    }

    @Test
    void curlFailFlagFailsOnErrorStatusWithoutAStatusAssertion() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(500)).build());
        CheckResult r = fixture.runOne(env, "", "curl -f {{api}}/x\nexpect body contains \"x\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().startsWith("status (500) < 400 (curl -f)"), r.message());
        assertTrue(r.message().endsWith("x".repeat(200) + "…"), "body cut short: " + r.message());
    }

    @Test
    void retriesUntilTheServerRecovers() throws Exception {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(503, "{}"));
        server.enqueue(json(200, "{\"status\":\"ok\"}"));
        CheckResult r = fixture.runOne(env, "{retries=3}", "curl {{api}}/health\nexpect status == 200");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        assertEquals(3, r.attempts());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void retriesStopAtTheLimit() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{}"));
        }
        CheckResult r = fixture.runOne(env, "{retries=1}", "curl {{api}}/health\nexpect status == 200");
        assertEquals(Outcome.FAIL, r.outcome());
        assertEquals(2, r.attempts());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CheckResult r = fixture.runOne(env, "{timeout=300ms}", "curl {{api}}/slow\nexpect status == 200");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().contains("no response within 300ms (timeout)"), r.message());
    }

    @Test
    void curlMaxTimeShortensTheBlockTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CheckResult r = fixture.runOne(env, "{timeout=30s}", "curl -m 0.3 {{api}}/slow\nexpect status == 200");
        assertTrue(r.message().contains("no response within 300ms (timeout)"), r.message());
    }

    @Test
    void theRunDeadlineSkipsWhatIsNotDone() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        var options = new dev.runbook.smoke.run.RunnerOptions(1, java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(10));
        var blocks = dev.runbook.smoke.parse.SmokeParser.parse(SmokeFixture.runbook("ops/slow.md",
                "# Slow\n\n```smoke {timeout=60s}\ncurl {{api}}/slow\nexpect status == 200\n```\n\n```smoke\ntcp 127.0.0.1:1\n```\n"));
        try (var client = new dev.runbook.smoke.run.EnvironmentClient(env)) {
            var results = new dev.runbook.smoke.run.SmokeRunner(env, client, options, java.time.Clock.systemUTC(), fixture.log).run(blocks);
            assertEquals(2, results.results().size());
            for (CheckResult r : results.results()) {
                assertEquals(Outcome.SKIPPED, r.outcome(), r.message());
                assertTrue(r.message().contains("deadline of 300ms passed"), r.message());
            }
        }
    }

    @Test
    void redirectIsTheAnswerWithoutL() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/new").build());
        CheckResult r = fixture.runOne(env, "", "curl {{api}}/old\nexpect status == 302\nexpect header Location == \"/new\"");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void redirectIsFollowedWithL() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/new").build());
        server.enqueue(json(200, "{\"at\":\"new\"}"));
        CheckResult r = fixture.runOne(env, "", "curl -L {{api}}/old\nexpect status == 200\nexpect json $.at == \"new\"");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        assertEquals("/old", server.takeRequest().getTarget());
        assertEquals("/new", server.takeRequest().getTarget());
    }

    @Test
    void redirectToAHostOutsideTheAllowlistIsRefusedBeforeAnyRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", other.url("/steal").toString()).build());
        other.enqueue(json(200, "{}"));
        CheckResult r = fixture.runOne(env, "", "curl -L {{api}}/old\nexpect status == 200");
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.message().contains("is not in the allowed_hosts of environment test"), r.message());
        assertEquals(1, server.getRequestCount());
        assertEquals(0, other.getRequestCount());
        assertNull(other.takeRequest(0, TimeUnit.MILLISECONDS));
    }

    @Test
    void unknownPlaceholderFailsClearly() throws Exception {
        CheckResult r = fixture.runOne(env, "", "curl {{nope}}/x\nexpect status == 200");
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.message().contains("unknown placeholder {{nope}}"), r.message());
        assertEquals(1, r.attempts());
    }

    @Test
    void bodyThatIsNotJsonIsSaidSo() throws Exception {
        server.enqueue(new MockResponse.Builder().body("<html>oops</html>").build());
        CheckResult r = fixture.runOne(env, "", "curl {{api}}/x\nexpect json $.status == \"ok\"");
        assertTrue(r.message().contains("json $.status (body is not JSON) == \"ok\""), r.message());
    }

    @Test
    void writeRequestCarriesItsBody() throws Exception {
        server.enqueue(json(201, "{\"id\":7}"));
        CheckResult r = fixture.runOne(env, "{write=true}", "curl --json '{\"amount\":1}' {{api}}/refunds\nexpect status == 201\nexpect json $.id >= 7");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        RecordedRequest seen = server.takeRequest();
        assertEquals("POST", seen.getMethod());
        assertEquals("{\"amount\":1}", seen.getBody().utf8());
        assertTrue(seen.getHeaders().get("Content-Type").startsWith("application/json"));
    }
}
