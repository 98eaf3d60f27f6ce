package dev.runbook.validate.links.external;

import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RetryPolicy;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalLinkRuleTest {

    @TempDir
    Path temp;

    private LocalHttpServer server;
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer()
                .route("/ok", LocalHttpServer.status(200))
                .route("/gone", LocalHttpServer.status(404))
                .route("/forbidden", LocalHttpServer.status(403))
                .route("/old", LocalHttpServer.redirect(301, "/older"))
                .route("/older", LocalHttpServer.redirect(308, "/ok"))
                .route("/temporary", LocalHttpServer.redirect(302, "/ok"))
                .route("/no-head", (exchange, n) -> LocalHttpServer.respond(exchange,
                        exchange.getRequestMethod().equals("HEAD") ? 405 : 200, "ok"))
                .route("/busy", (exchange, n) -> {
                    if (n == 1) {
                        exchange.getResponseHeaders().add("Retry-After", "1");
                        LocalHttpServer.respond(exchange, 429, null);
                    } else {
                        LocalHttpServer.respond(exchange, 200, "ok");
                    }
                })
                .route("/slow", (exchange, n) -> {
                    try {
                        releaseSlow.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LocalHttpServer.respond(exchange, 200, "late");
                });
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.close();
    }

    /** Timeouts far above what a loopback answer takes even on a loaded machine; only /slow hits them. */
    private static LinkCheckSettings settings() {
        return LinkCheckSettings.defaults().withCheckPrivate(true)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withConcurrency(4, 2, Duration.ZERO)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)));
    }

    private Fixture pages(String... paths) {
        StringBuilder a = new StringBuilder("# A\n\n");
        for (String p : paths) {
            a.append("- [").append(p).append("](").append(p.startsWith("http") ? p : server.url(p)).append(")\n");
        }
        return new Fixture(temp).file("a.md", a.toString());
    }

    private static String summary(Finding f) {
        return f.severity().label() + " " + f.file() + ":" + f.line() + " " + f.message();
    }

    @Test
    void classifiesStatusesRedirectsAndFallbacks() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + deadPort + "/x";
        Fixture f = pages("/ok", "/gone", "/forbidden", "/old", "/temporary", "/no-head", refused);
        List<Finding> findings = f.run(new ExternalLinkRule(settings()));
        List<String> got = findings.stream().map(ExternalLinkRuleTest::summary).toList();
        assertEquals(List.of(
                "error a.md:4 " + server.url("/gone") + ": answered 404 Not Found",
                "warning a.md:5 " + server.url("/forbidden") + ": answered 403 Forbidden (the server may block automated checks)",
                "info a.md:6 " + server.url("/old") + " moved permanently to " + server.url("/ok"),
                "error a.md:9 " + refused + ": connection refused by 127.0.0.1:" + deadPort), got);
        assertEquals(List.of("HEAD", "GET"), server.hits("/no-head").stream().map(LocalHttpServer.Hit::method).toList());
        assertEquals(List.of("HEAD"), server.hits("/temporary").stream().map(LocalHttpServer.Hit::method).toList());
        assertTrue(f.logLines.contains("INFO validate: checked 7/7 external links"), f.logLines.toString());
    }

    @Test
    void rateLimitedUrlIsRetriedAfterTheServersRetryAfter() {
        Fixture f = pages("/busy");
        List<Finding> findings = f.run(new ExternalLinkRule(settings()));
        assertEquals(List.of(), findings);
        List<LocalHttpServer.Hit> hits = server.hits("/busy");
        assertEquals(2, hits.size());
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(hits.get(1).nanos() - hits.get(0).nanos());
        assertTrue(waitedMillis >= 1000, "Retry-After: 1 was not honoured; second request after " + waitedMillis + "ms");
    }

    @Test
    void slowServerTimesOutAsAWarning() {
        Fixture f = pages("/slow"); // holds its answer for 10s, far past this read timeout
        List<Finding> findings = f.run(new ExternalLinkRule(settings()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(15))));
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("timed out"), findings.get(0).message());
    }

    @Test
    void eachUniqueUrlIsCheckedOnceAndReportedAtEveryPlace() {
        Fixture f = new Fixture(temp)
                .file("a.md", "[x](" + server.url("/gone") + "#one) [ok](" + server.url("/ok") + ")\n")
                .file("b/c.md", "# C\n\n[y](" + server.url("/gone") + "#two) [ok](" + server.url("/ok") + "#frag)\n");
        List<Finding> findings = f.run(new ExternalLinkRule(settings()));
        assertEquals(List.of("a.md:1", "b/c.md:3"), findings.stream().map(x -> x.file() + ":" + x.line()).toList());
        assertEquals(1, server.hitCount("/ok"));
        assertEquals(List.of("HEAD", "GET"), server.hits("/gone").stream().map(LocalHttpServer.Hit::method).toList());
    }

    @Test
    void perHostConcurrencyIsNeverExceeded() {
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
        String[] paths = new String[16];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/c" + i;
            server.route(paths[i], (exchange, n) -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                // Hold each request until two are in flight (or a moment passes), so overlaps really happen.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150);
                while (inFlight.get() < 2 && System.nanoTime() < until) {
                    try {
                        never.await(5, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                // Counted out before the answer leaves, so the client's next request cannot overlap the count.
                inFlight.decrementAndGet();
                LocalHttpServer.respond(exchange, 200, "ok");
            });
        }
        Fixture f = pages(paths);
        List<Finding> findings = f.run(new ExternalLinkRule(settings().withConcurrency(8, 2, Duration.ZERO)));
        assertEquals(List.of(), findings);
        assertEquals(2, maxInFlight.get(), "at most 2 per host, and the checker did use both slots");
        for (String p : paths) {
            assertEquals(1, server.hitCount(p));
        }
    }

    @Test
    void requestsToOneHostAreSpacedOut() {
        // One unmeasured run first: the first exchange loads the client's and the server's classes.
        pages("/warm-up").run(new ExternalLinkRule(settings()));
        Fixture f = pages("/ok", "/temporary", "/no-head");
        f.run(new ExternalLinkRule(settings().withConcurrency(4, 4, Duration.ofMillis(400))));
        List<Long> starts = java.util.stream.Stream.of("/ok", "/temporary", "/no-head")
                .flatMap(p -> server.hits(p).stream()).map(LocalHttpServer.Hit::nanos).sorted().toList();
        assertEquals(5, starts.size()); // ok; temporary then ok; no-head HEAD + GET
        // Half the spacing as the bound: the server stamps an arrival when its handler thread runs, which can
        // lag the bytes on a loaded machine, and so can the flush that follows the limiter's turn (see
        // HostRateLimiter#pace). HostRateLimiterTest proves the limiter itself with a manual clock.
        for (int i = 1; i < starts.size(); i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(starts.get(i) - starts.get(i - 1));
            assertTrue(gapMillis >= 200, "requests " + (i - 1) + " and " + i + " only " + gapMillis + "ms apart");
        }
    }

    @Test
    void goodResultsAreCachedUntilTheTtlAndFailuresNever() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        Fixture f = pages("/ok", "/gone");
        ExternalLinkRule rule = new ExternalLinkRule(settings().withCacheTtl(Duration.ofHours(1)), clock);
        assertEquals(1, f.run(rule).size());
        assertEquals(1, f.run(rule).size());
        assertEquals(1, server.hitCount("/ok"), "cached within the TTL");
        assertEquals(4, server.hitCount("/gone"), "failures are checked again every run (HEAD + GET each time)");
        Path cache = temp.resolve("work").resolve(ExternalLinkRule.CACHE_FILE);
        String json = Files.readString(cache);
        assertTrue(json.contains(server.url("/ok")) && !json.contains("/gone"), json);

        clock.now = clock.now.plus(Duration.ofMinutes(61));
        f.run(rule);
        assertEquals(2, server.hitCount("/ok"), "re-checked after the TTL");
    }

    @Test
    void offlineTouchesNoNetworkAndSaysSo() {
        Fixture f = pages("/gone");
        assertEquals(List.of(), f.run(new ExternalLinkRule(settings().withOffline(true))));
        assertEquals(0, server.hitCount("/gone"));
        assertTrue(f.logLines.contains("INFO validate: offline (runbook.offline=true): 1 external links not checked"), f.logLines.toString());
    }

    @Test
    void offlineCountsEachUniqueUrlOnceAcrossPagesAndFragments() {
        Fixture f = pages("/gone#one", "/gone#two", "/ok").file("b.md", "# B\n\n[again](" + server.url("/ok")
                + ") [local](a.md) [mail](mailto:x@example.com)\n");
        assertEquals(List.of(), f.run(new ExternalLinkRule(settings().withOffline(true))));
        assertTrue(f.logLines.contains("INFO validate: offline (runbook.offline=true): 2 external links not checked"), f.logLines.toString());
    }

    @Test
    void privateHostsAndExcludedUrlsAreSkipped() {
        Fixture f = pages("/gone", "https://docs.example.com/missing");
        assertEquals(List.of(), f.run(new ExternalLinkRule(LinkCheckSettings.defaults())));
        assertEquals(List.of(), f.run(new ExternalLinkRule(settings().withExcludes(List.of(Pattern.compile("/gone$"), Pattern.compile("example\\.com"))))));
        assertEquals(0, server.hitCount("/gone"));
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
