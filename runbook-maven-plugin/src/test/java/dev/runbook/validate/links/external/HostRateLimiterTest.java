package dev.runbook.validate.links.external;

import dev.runbook.validate.LinkCheckSettings;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostRateLimiterTest {

    private static void waitUntilParked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
    }

    /** Time that moves only when the test moves it or the limiter sleeps; every sleep is recorded. */
    private static final class ManualTicker implements HostRateLimiter.Ticker {
        volatile long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void aSecondRequestToABusyHostWaitsForTheFirstButOtherHostsDoNot() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(1, Duration.ZERO);
        HostRateLimiter.Permit first = limiter.acquire("a.org");
        try (HostRateLimiter.Permit other = limiter.acquire("b.org")) {
            assertTrue(other != null, "another host has its own slots");
        }
        AtomicBoolean secondGotIn = new AtomicBoolean();
        Thread second = new Thread(() -> {
            try (HostRateLimiter.Permit p = limiter.acquire("a.org")) {
                secondGotIn.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        waitUntilParked(second);
        assertFalse(secondGotIn.get(), "the host's only slot is taken");
        first.close();
        second.join();
        assertTrue(secondGotIn.get());
    }

    /**
     * The bug this guards against: spacing counted from when a request was allowed to start, so a request
     * that took long to get onto the wire (slow connect, a descheduled thread) arrived with the next one.
     * Here the first send takes 500ms of (manual) time to be written; the second may not even begin its
     * wait until then, and then waits the full spacing from the moment the first was written.
     */
    @Test
    void theNextSendWaitsForThePreviousToBeWrittenThenTheFullSpacing() throws Exception {
        ManualTicker ticker = new ManualTicker();
        HostRateLimiter limiter = new HostRateLimiter(2, Duration.ofMillis(100), ticker);
        HostRateLimiter.Send first = limiter.beginSend("a.org");
        assertEquals(List.of(), ticker.sleeps, "the first request to a host goes out at once");

        AtomicInteger secondBeganAt = new AtomicInteger(-1);
        Thread second = new Thread(() -> {
            try {
                limiter.beginSend("a.org").sent();
                secondBeganAt.set((int) TimeUnit.NANOSECONDS.toMillis(ticker.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ticker.now = TimeUnit.MILLISECONDS.toNanos(100); // the old limiter would have let the second go now
        second.start();
        waitUntilParked(second);
        assertEquals(-1, secondBeganAt.get(), "the first request is still being written");

        ticker.now = TimeUnit.MILLISECONDS.toNanos(500);
        first.sent();
        second.join();
        assertEquals(600, secondBeganAt.get(), "sent 100ms after the first was written at 500ms");
        assertEquals(List.of(TimeUnit.MILLISECONDS.toNanos(100)), ticker.sleeps);
    }

    @Test
    void aPauseHoldsBackTheNextSendAndOtherHostsAreNotHeld() throws Exception {
        ManualTicker ticker = new ManualTicker();
        HostRateLimiter limiter = new HostRateLimiter(2, Duration.ofMillis(100), ticker);
        limiter.beginSend("a.org").sent();
        limiter.pauseHost("a.org", Duration.ofSeconds(2));
        limiter.beginSend("b.org").sent();
        assertEquals(List.of(), ticker.sleeps, "b.org has its own spacing");
        limiter.beginSend("a.org").sent();
        assertEquals(List.of(TimeUnit.SECONDS.toNanos(2)), ticker.sleeps, "Retry-After outlasts the spacing");
    }

    /**
     * End to end on a real loopback server, under whatever load the machine has. The first request's DNS
     * answer is held back until the server has seen another request, so the two are forced into the order
     * that broke the old limiter: it let the held request out the moment its DNS answered, and the server
     * saw the two 3-70ms apart whatever the spacing. Each gap is measured where it counts, at the server.
     * The bound is half the spacing, 500ms: the server stamps an arrival when its handler thread runs, and
     * only a late stamp of the earlier request can shrink a gap; at a load average of 25 on two cores
     * (plus two busy loops) such stamps came up to ~350ms late, so a 400ms spacing with a 200ms bound
     * failed 4 runs in 50. A 1s spacing keeps the old limiter's gap far below the bound and the new one's
     * far above it.
     */
    @Test
    void aRequestSlowToConnectStillReachesTheHostASpacingAfterTheOneThatOvertookIt() throws Exception {
        Duration spacing = Duration.ofSeconds(1);
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.route("/warm-up", LocalHttpServer.status(200)).route("/first", LocalHttpServer.status(200))
                    .route("/second", LocalHttpServer.status(200));
            CountDownLatch serverSawARequest = new CountDownLatch(1);
            AtomicBoolean firstLookup = new AtomicBoolean(true);
            AtomicBoolean measuring = new AtomicBoolean();
            server.onHit(() -> {
                if (measuring.get()) {
                    serverSawARequest.countDown();
                }
            });
            LinkCheckSettings settings = LinkCheckSettings.defaults().withCheckPrivate(true)
                    .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20));
            OkHttpClient client = UrlChecker.newClient(settings).newBuilder().dns(host -> {
                if (measuring.get() && firstLookup.getAndSet(false)) {
                    try {
                        serverSawARequest.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return List.of(InetAddress.getLoopbackAddress());
            }).build();
            UrlChecker checker = new UrlChecker(client, new HostRateLimiter(2, spacing), settings);
            // A first exchange loads the client's and the server's classes, which on a busy machine can hold
            // either side up for longer than the bound below; it goes to another host name (another limiter
            // queue), and only the two requests after it are measured.
            assertEquals(CheckResult.Outcome.OK, checker.check(server.url("127.0.0.1", "/warm-up")).outcome());
            measuring.set(true);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<CheckResult> a = pool.submit(() -> checker.check(server.url("localhost", "/first")));
                Future<CheckResult> b = pool.submit(() -> checker.check(server.url("localhost", "/second")));
                assertEquals(CheckResult.Outcome.OK, a.get().outcome(), a.get().toString());
                assertEquals(CheckResult.Outcome.OK, b.get().outcome(), b.get().toString());
            } finally {
                pool.shutdownNow();
            }
            List<LocalHttpServer.Hit> hits = server.hits().stream().filter(h -> !h.path().equals("/warm-up")).toList();
            assertEquals(2, hits.size(), hits.toString());
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(hits.get(1).nanos() - hits.get(0).nanos());
            assertTrue(gapMillis >= spacing.toMillis() / 2,
                    "the server saw two requests " + gapMillis + "ms apart; the spacing is " + spacing.toMillis() + "ms");
        }
    }
}
