package dev.runbook.smoke.run;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An author's `expect body matches` pattern that backtracks catastrophically on the response must end as
 * a failure that says so, not hang the smoke run (the probe's timeout does not cover matching). The
 * timeout below is a safety net for the build, not the assertion: without the bound this test runs for
 * longer than anyone waits (JDK 17 memoises `(a+)+`, but `(.*a){10}b` on 40 `a`s is polynomial of degree
 * ten: 66 s unbounded on the build machine).
 */
class CatastrophicRegexTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aCatastrophicPatternFailsWithItsReasonAndSanePatternsStillWork() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            String body = "a".repeat(40);
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse.Builder().body(body).build());
            }
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            Environment env = SmokeFixture.environment(dir, "test:\n  variables: { api: \"http://127.0.0.1:" + server.getPort()
                    + "\" }\n  allowed_hosts: [\"127.0.0.1\"]\n", Map.of());
            String md = """
                    # Regex

                    ```smoke {name="nested"}
                    curl {{api}}/a
                    expect body matches "(.*a){10}b"
                    ```

                    ```smoke {name="sane"}
                    curl {{api}}/b
                    expect body matches "^a{40}$"
                    ```
                    """;
            SmokeFixture fixture = new SmokeFixture();
            SmokeResults results;
            try (EnvironmentClient client = new EnvironmentClient(env)) {
                results = new SmokeRunner(env, client, new RunnerOptions(1, Duration.ofSeconds(60), Duration.ofMillis(10)),
                        Clock.systemUTC(), fixture.log).run(SmokeParser.parse(SmokeFixture.runbook("ops/regex.md", md)));
            }
            List<CheckResult> byLine = results.results();
            CheckResult nested = byLine.stream().filter(r -> r.name().equals("nested")).findFirst().orElseThrow();
            CheckResult sane = byLine.stream().filter(r -> r.name().equals("sane")).findFirst().orElseThrow();
            assertEquals(Outcome.FAIL, nested.outcome(), nested.message());
            assertTrue(nested.message().startsWith("body matches \"(.*a){10}b\": the regular expression gave up after 50 million steps on 40 characters"),
                    nested.message());
            assertTrue(nested.message().contains("catastrophic backtracking"), nested.message());
            assertEquals(Outcome.PASS, sane.outcome(), sane.message());
        }
    }
}
