package dev.runbook.smoke;

import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.secrets.Redactor;
import dev.runbook.smoke.env.EnvironmentOverrides;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.SmokeResultsJson;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole goal core: content folder + environments file → real server → results files and console. */
class SmokeSessionTest {

    private static final String SECRET = "s3cr3t-t0ken-4711";

    @TempDir
    Path project;

    private final MockWebServer server = new MockWebServer();
    private final SmokeFixture fixture = new SmokeFixture();
    private Path content;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String auth = request.getHeaders().get("Authorization");
                return switch (request.getUrl().encodedPath()) {
                    case "/health" -> new MockResponse.Builder().addHeader("Content-Type", "application/json")
                            .body("{\"status\":\"ok\"}").build();
                    // Echoes the credential back, as a misbehaving service might in an error page.
                    case "/echo" -> new MockResponse.Builder().code(500).body("denied for " + auth + " at " + request.getTarget()).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        content = Files.createDirectories(project.resolve("content"));
        Files.createDirectories(content.resolve("api"));
        Files.writeString(content.resolve("api/health.md"), """
                # API health

                ```smoke {name="API health" timeout=5s}
                curl -fsS {{api}}/health
                expect status == 200
                expect json $.status == "ok"
                ```
                """);
        Files.writeString(content.resolve("api/echo.md"), """
                # Echo

                ```smoke {name="Echo with token"}
                curl -H "Authorization: Bearer {{API_TOKEN}}" "{{api}}/echo?token={{API_TOKEN}}"
                expect status == 200
                ```

                ```smoke {name="Uses a missing secret"}
                curl -H "Authorization: Bearer {{OTHER_TOKEN}}" {{api}}/health
                expect status == 200
                ```

                ```smoke {name="Broken"}
                curl -fsS {{api}}/health | jq .
                ```
                """);
        Files.writeString(project.resolve("runbook-environments.yaml"), """
                staging:
                  variables: { api: "http://127.0.0.1:%d" }
                  secrets: [API_TOKEN, OTHER_TOKEN]
                  allowed_hosts: ["127.0.0.1"]
                """.formatted(server.getPort()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private SmokeRequest request(boolean failBuild) {
        return new SmokeRequest(content, "staging", null, project, EnvironmentOverrides.NONE, project.resolve("target"),
                SmokeFixture.OPTIONS, failBuild, Map.of("API_TOKEN", SECRET)::get, Clock.systemUTC(), fixture.log);
    }

    @Test
    void writesResultsJUnitXmlAndSummary() throws Exception {
        SmokeResults results = SmokeSession.run(request(false));
        assertEquals(4, results.results().size());
        List<Outcome> outcomes = results.results().stream().map(CheckResult::outcome).toList();
        // Sorted by runbook then line: echo.md (3 blocks), health.md.
        assertEquals(List.of(Outcome.FAIL, Outcome.ERROR, Outcome.SKIPPED, Outcome.PASS), outcomes);
        assertTrue(results.summary().matches("smoke: 1 passed, 1 failed, 1 error, 1 skipped \\(1 does not parse\\) in \\S+ \\(env staging\\)"), results.summary());

        SmokeResults saved = SmokeResultsJson.read(project.resolve("target/runbook/smoke-results.json"));
        assertEquals(results.results().size(), saved.results().size());
        CheckResult health = saved.results().get(3);
        assertEquals("api/health.md", health.runbook());
        assertEquals(3, health.line());
        assertEquals("API health", health.name());
        assertEquals("staging", health.environment());
        assertEquals(1, health.attempts());

        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(project.resolve("target/runbook-reports/TEST-runbook-smoke.xml").toFile());
        var suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        var cases = xml.getElementsByTagName("testcase");
        assertEquals("api/echo.md", ((org.w3c.dom.Element) cases.item(0)).getAttribute("classname"));
        assertEquals(1, xml.getElementsByTagName("failure").getLength());

        assertTrue(fixture.logLines.stream().anyMatch(l -> l.startsWith("INFO smoke: 1 passed, 1 failed")), fixture.logLines.toString());
        assertTrue(fixture.logLines.stream().anyMatch(l -> l.startsWith("WARN api/echo.md:3: Echo with token: status (500) == 200")),
                fixture.logLines.toString());
        assertTrue(fixture.logLines.stream().anyMatch(l -> l.contains("api/echo.md:8: Uses a missing secret: error: secret OTHER_TOKEN is not set")),
                fixture.logLines.toString());
    }

    @Test
    void secretValueNeverAppearsInAnyOutput() throws Exception {
        RunbookProblemException failure = assertThrows(RunbookProblemException.class, () -> SmokeSession.run(request(true)));

        // The secret was really used on the wire...
        List<String> sent = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest();
            sent.add(r.getHeaders().get("Authorization") + " " + r.getTarget());
        }
        assertTrue(sent.stream().anyMatch(s -> s.contains("Bearer " + SECRET)), sent.toString());
        // ...and the block with the missing secret sent nothing: only the echo and the plain health check arrived.
        assertEquals(List.of("Bearer " + SECRET + " /echo?token=" + SECRET, "null /health"), sent.stream().sorted().toList());

        List<String> outputs = new ArrayList<>(fixture.logLines);
        outputs.add(failure.getMessage());
        try (Stream<Path> files = Files.walk(project.resolve("target"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                outputs.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(fixture.logLines.size() + 1 + 2, outputs.size(), "results JSON and JUnit XML were written");
        for (String out : outputs) {
            assertFalse(out.contains(SECRET), "secret leaked into: " + out);
        }
        String json = Files.readString(project.resolve("target/runbook/smoke-results.json"));
        assertTrue(json.contains("denied for Bearer " + Redactor.MASK), json);
        assertTrue(json.contains("token=" + Redactor.MASK), json);
        assertTrue(Files.readString(project.resolve("target/runbook-reports/TEST-runbook-smoke.xml")).contains(Redactor.MASK));
        assertTrue(failure.getMessage().contains("api/echo.md:3: Echo with token"), failure.getMessage());
        assertTrue(failure.getMessage().contains(Redactor.MASK), failure.getMessage());
    }

    @Test
    void unknownEnvironmentIsASetupError() {
        SmokeRequest r = new SmokeRequest(content, "prod", null, project, EnvironmentOverrides.NONE, project.resolve("target"),
                SmokeFixture.OPTIONS, true, Map.<String, String>of()::get, Clock.systemUTC(), fixture.log);
        SetupException e = assertThrows(SetupException.class, () -> SmokeSession.run(r));
        assertTrue(e.getMessage().contains("no environment named 'prod'"), e.getMessage());
        assertTrue(e.getMessage().contains("staging"), e.getMessage());
    }
}
