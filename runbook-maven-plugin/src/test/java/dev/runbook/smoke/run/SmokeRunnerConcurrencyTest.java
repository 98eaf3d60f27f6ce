package dev.runbook.smoke.run;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.results.SmokeResults;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeRunnerConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void runsAtMostConcurrencyBlocksAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch twoTogether = new CountDownLatch(2);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    twoTogether.countDown();
                    // The first two requests wait for each other: proof that two run at once.
                    twoTogether.await(10, TimeUnit.SECONDS);
                    inFlight.decrementAndGet();
                    return new MockResponse.Builder().body("ok").build();
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            Environment env = SmokeFixture.environment(dir, "test:\n  variables: { api: \"http://127.0.0.1:" + server.getPort()
                    + "\" }\n  allowed_hosts: [\"127.0.0.1\"]\n", Map.of());
            StringBuilder md = new StringBuilder("# Many\n");
            for (int i = 0; i < 6; i++) {
                md.append("\n```smoke {name=\"n").append(i).append("\"}\ncurl {{api}}/").append(i).append("\nexpect body == \"ok\"\n```\n");
            }
            SmokeFixture fixture = new SmokeFixture();
            SmokeResults results;
            try (EnvironmentClient client = new EnvironmentClient(env)) {
                results = new SmokeRunner(env, client, new RunnerOptions(2, Duration.ofSeconds(60), Duration.ofMillis(10)),
                        Clock.systemUTC(), fixture.log).run(SmokeParser.parse(SmokeFixture.runbook("ops/many.md", md.toString())));
            }
            assertEquals(6, results.count(Outcome.PASS), results.results().stream().map(CheckResult::message).toList().toString());
            assertEquals(2, maxInFlight.get());
            assertEquals(6, server.getRequestCount());
        }
    }
}
