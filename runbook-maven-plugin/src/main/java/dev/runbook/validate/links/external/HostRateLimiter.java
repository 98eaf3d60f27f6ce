package dev.runbook.validate.links.external;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most {@code maxPerHost} requests in flight to one host, the starts of two
 * requests to one host at least {@code spacing} apart, and a host that answered "come back later" is
 * left alone until then ({@link #pauseHost}).
 */
public final class HostRateLimiter {

    /** Held while a request is in flight; closing it frees the slot. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class HostState {
        final Semaphore slots;
        long nextStartNanos;
        boolean started;

        HostState(int maxPerHost) {
            slots = new Semaphore(maxPerHost, true);
        }
    }

    private final int maxPerHost;
    private final long spacingNanos;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    public HostRateLimiter(int maxPerHost, Duration spacing) {
        this.maxPerHost = maxPerHost;
        this.spacingNanos = spacing.toNanos();
    }

    public Permit acquire(String host) throws InterruptedException {
        HostState state = hosts.computeIfAbsent(host, h -> new HostState(maxPerHost));
        state.slots.acquire();
        try {
            long wait;
            synchronized (state) {
                long now = System.nanoTime();
                long start = state.started && state.nextStartNanos - now > 0 ? state.nextStartNanos : now;
                state.started = true;
                state.nextStartNanos = start + spacingNanos;
                wait = start - now;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            state.slots.release();
            throw e;
        }
        return state.slots::release;
    }

    /** No request to {@code host} starts before {@code delay} from now has passed. */
    public void pauseHost(String host, Duration delay) {
        HostState state = hosts.computeIfAbsent(host, h -> new HostState(maxPerHost));
        synchronized (state) {
            long until = System.nanoTime() + delay.toNanos();
            if (!state.started || until - state.nextStartNanos > 0) {
                state.nextStartNanos = until;
                state.started = true;
            }
        }
    }
}
