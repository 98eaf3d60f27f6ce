package dev.runbook.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runbook.core.LinesLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.smoke.env.EnvironmentOverrides;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import dev.runbook.smoke.results.SmokeResultsStatus;
import dev.runbook.smoke.run.RunnerOptions;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** #12 points 2 and 3 against a real loopback server: what was not run or not asserted is not proven. */
class HonestVerdictsTest {

    @TempDir
    Path project;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private Path content;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/ok", x -> answer(x, 200, "up"));
        server.createContext("/down", x -> answer(x, 503, "maintenance"));
        server.createContext("/hang", x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "late");
        });
        server.start();
        content = Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("runbook-environments.yaml"), """
                staging:
                  variables: { api: "http://127.0.0.1:%d" }
                  allowed_hosts: ["127.0.0.1"]
                """.formatted(server.getAddress().getPort()));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.stop(0);
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private SmokeRequest request(RunnerOptions options, boolean allowSkipped) {
        return new SmokeRequest(content, "staging", null, project, EnvironmentOverrides.NONE, project.resolve("target"), options,
                true, Map.<String, String>of()::get, Clock.systemUTC(), new LinesLog(console), allowSkipped);
    }

    private static final String SKIPPING = """
            # Slow

            ```smoke {name="passes"}
            curl {{api}}/ok
            expect status == 200
            ```

            ```smoke {name="hangs past the deadline" timeout=30s}
            curl {{api}}/hang
            expect status == 200
            ```

            ```smoke {name="does not parse"}
            curl {{api}}/ok | jq .
            expect status == 200
            ```
            """;

    @Test
    void skippedChecksFailTheGoalSayWhyAndLeaveTheRunbookUnverified() throws Exception {
        Files.writeString(content.resolve("slow.md"), SKIPPING);
        RunnerOptions options = new RunnerOptions(2, Duration.ofSeconds(5), Duration.ofMillis(10));
        RunbookProblemException e = assertThrows(RunbookProblemException.class, () -> SmokeSession.run(request(options, false)));

        assertTrue(e.getMessage().matches("(?s)smoke: 1 passed, 0 failed, 2 skipped \\(1 deadline, 1 does not parse\\) in .*"), e.getMessage());
        assertTrue(e.getMessage().contains("hangs past the deadline: skipped: deadline: the run's deadline of 5.0s passed"), e.getMessage());
        assertTrue(e.getMessage().contains("does not parse: skipped: does not parse: line 14:17"), e.getMessage());
        assertTrue(e.getMessage().contains("runbook.smoke.allowSkipped=true"), e.getMessage());
        assertTrue(console.stream().anyMatch(l -> l.startsWith("WARN slow.md:8: hangs past the deadline: skipped: deadline")), console.toString());

        SmokeResults saved = dev.runbook.smoke.results.SmokeResultsJson.read(new dev.runbook.core.OutputLayout(project.resolve("target")).smokeResultsJson());
        assertEquals(List.of(Outcome.PASS, Outcome.SKIPPED, Outcome.SKIPPED), saved.results().stream().map(CheckResult::outcome).toList());
        Runbook page = ContentLoader.parse("slow.md", content.resolve("slow.md"),
                dev.runbook.model.SourceText.of(Files.readString(content.resolve("slow.md"))), new ArrayList<>());
        assertEquals(Verification.UNVERIFIED, SmokeResultsStatus.of(saved, null, new ReviewSchedule(null), LocalDate.now(), Instant.now())
                .statusOf(page).verification());
    }

    @Test
    void allowSkippedAcceptsThemButTheRunbookStaysUnverified() throws Exception {
        Files.writeString(content.resolve("slow.md"), SKIPPING);
        SmokeResults results = SmokeSession.run(request(new RunnerOptions(2, Duration.ofSeconds(5), Duration.ofMillis(10)), true));
        assertEquals(2, results.count(Outcome.SKIPPED));
        assertTrue(results.summary().contains("2 skipped (1 deadline, 1 does not parse)"), results.summary());
        Runbook page = ContentLoader.parse("slow.md", content.resolve("slow.md"),
                dev.runbook.model.SourceText.of(SKIPPING), new ArrayList<>());
        assertEquals(Verification.UNVERIFIED, SmokeResultsStatus.of(results, null, new ReviewSchedule(null), LocalDate.now(), Instant.now())
                .statusOf(page).verification());
    }

    @Test
    void aBlockWithoutExpectAssertsStatusBelow400OrAConnection() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(content.resolve("bare.md"), """
                # Bare

                ```smoke {name="bare curl on a 503"}
                curl {{api}}/down
                ```

                ```smoke {name="bare curl on a 200"}
                curl {{api}}/ok
                ```

                ```smoke {name="bare GET on a 503"}
                GET {{api}}/down
                ```

                ```smoke {name="bare tcp to a closed port"}
                tcp 127.0.0.1:%d
                ```

                ```smoke {name="bare tcp to the server"}
                tcp 127.0.0.1:%d
                ```
                """.formatted(closedPort, server.getAddress().getPort()));
        SmokeRequest request = new SmokeRequest(content, "staging", null, project, EnvironmentOverrides.NONE, project.resolve("target"),
                SmokeFixture.OPTIONS, false, Map.<String, String>of()::get, Clock.systemUTC(), new LinesLog(console), false);
        SmokeResults results = SmokeSession.run(request);
        List<CheckResult> r = results.results();
        assertEquals(List.of(Outcome.FAIL, Outcome.PASS, Outcome.FAIL, Outcome.FAIL, Outcome.PASS),
                r.stream().map(CheckResult::outcome).toList(), r.toString());
        assertTrue(r.get(0).message().startsWith("status (503) < 400"), r.get(0).message());
        assertTrue(r.get(2).message().startsWith("status (503) < 400"), r.get(2).message());
        assertTrue(r.get(3).message().contains("connected (false) == true"), r.get(3).message());
    }

    @Test
    void eachCardShowsItsOwnResultAndTheBannerLinksToTheFailingCard() throws Exception {
        Files.writeString(content.resolve("cards.md"), """
                # Cards

                ```smoke {name="up"}
                curl {{api}}/ok
                expect status == 200
                ```

                ```smoke {name="down"}
                curl {{api}}/down
                expect status == 200
                ```
                """);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(content.resolve("cards.md"), old);
        SmokeSession.run(new SmokeRequest(content, "staging", null, project, EnvironmentOverrides.NONE, project.resolve("target"),
                SmokeFixture.OPTIONS, false, Map.<String, String>of()::get, Clock.systemUTC(), new LinesLog(console), false));
        Path results = new dev.runbook.core.OutputLayout(project.resolve("target")).smokeResultsJson();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        new dev.runbook.site.SiteRun(new LinesLog(console)).run(dev.runbook.site.SiteRun.Options.walking(content,
                new dev.runbook.core.OutputLayout(project.resolve("target")), project.resolve("target/site"), null, "Runbooks", null,
                false, today, SmokeResultsStatus.load(results, null, new ReviewSchedule(null), today, Instant.now()), "test",
                Map.of(), null));

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(project.resolve("target/site/cards.html").toFile());
        org.jsoup.nodes.Element up = page.getElementById("check-3");
        org.jsoup.nodes.Element down = page.getElementById("check-8");
        assertTrue(up != null && down != null, page.html());
        assertEquals("Passed", up.selectFirst(".smoke-result .smoke-outcome").text());
        assertTrue(up.selectFirst(".smoke-when").text().startsWith("in staging, " + today), up.html());
        assertEquals("Failed", down.selectFirst(".smoke-result .smoke-outcome").text());
        assertTrue(down.selectFirst(".smoke-message").text().startsWith("status (503) == 200"), down.html());
        org.jsoup.nodes.Element link = page.selectFirst(".status-panel .failure-lines a.failure-link");
        assertEquals("#check-8", link.attr("href"));
        assertEquals("down", link.text());
        assertTrue(page.selectFirst(".status-panel .failure-where").text().contains("staging"), page.selectFirst(".status-panel").html());
        assertTrue(page.select("[style]").isEmpty(), "no inline styles (CSP)");
    }
}
