package dev.runbook.validate.links.external;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostRateLimiterTest {

    private static void waitUntilParked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
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
}
