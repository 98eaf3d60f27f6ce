package dev.runbook.smoke.run;

import com.sun.net.httpserver.HttpServer;
import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeJUnitXml;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.SmokeResultsJson;
import dev.runbook.smoke.results.StepResult;
import dev.runbook.smoke.servers.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several probes in one block, a token captured from the first and used by the next, against a real HTTP server. */
class StepsAndCapturesTest {

    static final String TOKEN = "tok-9f8e7d6c5b4a";

    @TempDir
    Path dir;

    private final SmokeFixture fixture = new SmokeFixture();
    private final List<String> seenAuthorization = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login", x -> respond(x, 200, "{\"access_token\":\"" + TOKEN + "\"}"));
        server.createContext("/me", x -> {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            seenAuthorization.add(String.valueOf(auth));
            boolean ok = ("Bearer " + TOKEN).equals(auth);
            respond(x, ok ? 200 : 401, ok ? "{\"user\":\"ann\"}" : "{\"error\":\"no token\"}");
        });
        server.createContext("/echo", x -> respond(x, 200, "{\"you_sent\":\"" + x.getRequestHeaders().getFirst("Authorization") + "\"}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange x, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private Environment env() throws Exception {
        return SmokeFixture.environment(dir, "test:\n  variables: { api: \"http://127.0.0.1:" + server.getAddress().getPort() + "\" }\n"
                + "  allowed_hosts: [\"127.0.0.1\"]\n", Map.of());
    }

    @Test
    void aCapturedTokenFeedsTheNextStep() throws Exception {
        CheckResult r = fixture.runOne(env(), "", String.join("\n",
                "GET {{api}}/login",
                "expect status == 200",
                "capture token = json $.access_token",
                "",
                "curl -fsS -H 'Authorization: Bearer {{token}}' {{api}}/me",
                "expect json $.user == \"ann\""));
        assertEquals(Outcome.PASS, r.outcome(), r.message());
        assertEquals(List.of("Bearer " + TOKEN), seenAuthorization);
    }

    @Test
    void aFailedStepStopsTheBlockNamesTheStepAndMasksCapturedValues() throws Exception {
        CheckResult r = fixture.runOne(env(), "", String.join("\n",
                "GET {{api}}/login",
                "capture token = json $.access_token",
                "GET {{api}}/echo",
                "Authorization: Bearer {{token}}",
                "expect json $.you_sent == \"nothing\"",
                "GET {{api}}/me",
                "expect status == 200"));
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().startsWith("step 2 (GET {{api}}/echo): json $.you_sent (\"Bearer •••\") == \"nothing\""), r.message());
        assertFalse(r.message().contains(TOKEN));
        assertTrue(seenAuthorization.isEmpty(), "step 3 never ran");
        for (String line : fixture.logLines) {
            assertFalse(line.contains(TOKEN), line);
        }
        assertEquals(List.of(
                new StepResult("GET {{api}}/login", Outcome.PASS, ""),
                new StepResult("GET {{api}}/echo", Outcome.FAIL,
                        "json $.you_sent (\"Bearer •••\") == \"nothing\" — body: {\"you_sent\":\"Bearer •••\"}"),
                new StepResult("GET {{api}}/me", Outcome.SKIPPED, "not run: an earlier step failed")), r.steps());

        // Both reports carry every step: the JSON reads back as it was, the JUnit XML lists them for CI.
        SmokeResults run = new SmokeResults("test", r.time(), r.durationMs(), List.of(r));
        Path json = dir.resolve("smoke-results.json");
        SmokeResultsJson.write(json, run, Redactor.NONE);
        assertEquals(r.steps(), SmokeResultsJson.read(json).results().get(0).steps());
        Path xml = dir.resolve("TEST-runbook-smoke.xml");
        SmokeJUnitXml.write(xml, run, Redactor.NONE);
        String out = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("system-out").item(0).getTextContent();
        assertEquals("step 1 (GET {{api}}/login): pass\n"
                + "step 2 (GET {{api}}/echo): fail: json $.you_sent (\"Bearer •••\") == \"nothing\" — body: {\"you_sent\":\"Bearer •••\"}\n"
                + "step 3 (GET {{api}}/me): skipped: not run: an earlier step failed\n", out);
        assertFalse(Files.readString(json).contains(TOKEN));
        assertFalse(Files.readString(xml).contains(TOKEN));
    }

    @Test
    void aMissingCaptureFailsTheStep() throws Exception {
        CheckResult r = fixture.runOne(env(), "", "GET {{api}}/login\ncapture token = json $.nope\nGET {{api}}/me\nexpect status == 200");
        assertEquals(Outcome.FAIL, r.outcome());
        assertEquals("step 1 (GET {{api}}/login): capture token = json $.nope (missing)", r.message());
    }

    @Test
    void stepsMixKinds() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Environment e = SmokeFixture.environment(dir, "test:\n  variables: { api: \"http://127.0.0.1:" + server.getAddress().getPort()
                    + "\", redis: \"redis://127.0.0.1:" + redis.port + "\" }\n  allowed_hosts: [\"127.0.0.1\"]\n", Map.of());
            CheckResult r = fixture.runOne(e, "{write=true}", String.join("\n",
                    "GET {{api}}/login",
                    "capture token = json $.access_token",
                    "redis {{redis}}",
                    "command \"SET smoke:session {{token}}\"",
                    "expect reply == \"OK\"",
                    "redis {{redis}}",
                    "command \"GET smoke:session\"",
                    "expect reply startsWith \"tok-\"",
                    "expect reply not contains \"x\""));
            assertEquals(Outcome.PASS, r.outcome(), r.message());
        }
    }

    @Test
    void captureSyntax() {
        assertFalse(SmokeFixture.parseOne("", "GET http://a.test/\ncapture token json $.x").errors().isEmpty());
        assertFalse(SmokeFixture.parseOne("", "GET http://a.test/\ncapture t = reply").errors().isEmpty(), "reply is not an http subject");
        assertFalse(SmokeFixture.parseOne("", "GET http://a.test/\ncapture t = status\nGET http://a.test/\ncapture t = status").errors().isEmpty());
        assertEquals(2, SmokeFixture.parseOne("", "GET http://a.test/\ncapture t = header ETag\ntcp a.test:1").check().steps().size());
    }
}
