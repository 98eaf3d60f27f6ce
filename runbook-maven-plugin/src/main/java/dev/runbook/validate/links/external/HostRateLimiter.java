package dev.runbook.validate.links.external;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Politeness per host: at most {@code maxPerHost} requests in flight to one host ({@link #acquire}), two
 * requests to one host sent at least {@code spacing} apart, and a host that answered "come back later" left
 * alone until then ({@link #pauseHost}).
 *
 * <p>The spacing is kept where it matters, at the moment the bytes leave: a network interceptor on the client
 * ({@link #pace}) lets one request at a time per host through, only once {@code spacing} has passed since the
 * previous request to that host was written to its socket, and holds the next one back until this one has
 * been written. Spacing the hand-out of permits instead (before DNS, connect and TLS) lets a request that
 * was slow to connect reach the host together with the next one.
 */
public final class HostRateLimiter {

    /** Held while a request is in flight; closing it frees the slot. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Where the limiter reads and waits for time; tests drive it by hand. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };

        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    /** One request being written to a host; {@link #sent()} lets the host's next request start its wait. */
    interface Send {
        void sent();
    }

    private static final class HostState {
        final Semaphore inFlight;
        /** One request per host between "may go out now" and "written to the socket". */
        final Semaphore sending = new Semaphore(1, true);
        long earliestNextSend;
        boolean anySent;

        HostState(int maxPerHost) {
            inFlight = new Semaphore(maxPerHost, true);
        }
    }

    private final int maxPerHost;
    private final long spacingNanos;
    private final Ticker ticker;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    private final Map<Call, Send> sending = new ConcurrentHashMap<>();

    public HostRateLimiter(int maxPerHost, Duration spacing) {
        this(maxPerHost, spacing, Ticker.SYSTEM);
    }

    HostRateLimiter(int maxPerHost, Duration spacing, Ticker ticker) {
        this.maxPerHost = maxPerHost;
        this.spacingNanos = spacing.toNanos();
        this.ticker = ticker;
    }

    private HostState host(String host) {
        return hosts.computeIfAbsent(host, h -> new HostState(maxPerHost));
    }

    /** A slot among the host's {@code maxPerHost} requests in flight; does not wait for the spacing. */
    public Permit acquire(String host) throws InterruptedException {
        HostState state = host(host);
        state.inFlight.acquire();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                state.inFlight.release();
            }
        };
    }

    /** No request to {@code host} is sent before {@code delay} from now has passed. */
    public void pauseHost(String host, Duration delay) {
        HostState state = host(host);
        synchronized (state) {
            long until = ticker.nanoTime() + delay.toNanos();
            if (!state.anySent || until - state.earliestNextSend > 0) {
                state.earliestNextSend = until;
                state.anySent = true;
            }
        }
    }

    /**
     * Waits until a request to {@code host} may be sent: the host's previous request has been written and
     * {@code spacing} has passed since, and any pause has ended. The caller writes the request, then calls
     * {@link Send#sent()} (also when writing failed).
     */
    Send beginSend(String host) throws InterruptedException {
        HostState state = host(host);
        state.sending.acquire();
        try {
            while (true) {
                long wait;
                synchronized (state) {
                    wait = state.anySent ? state.earliestNextSend - ticker.nanoTime() : 0;
                }
                if (wait <= 0) {
                    break;
                }
                ticker.sleep(wait);
            }
        } catch (InterruptedException e) {
            state.sending.release();
            throw e;
        }
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                synchronized (state) {
                    long next = ticker.nanoTime() + spacingNanos;
                    if (!state.anySent || next - state.earliestNextSend > 0) {
                        state.earliestNextSend = next;
                    }
                    state.anySent = true;
                }
                state.sending.release();
            }
        };
    }

    /**
     * The client with this limiter's spacing applied where requests leave: a network interceptor (after DNS,
     * connect and TLS) waits for the host's turn, and the call's {@code requestHeadersEnd} event ends it. That
     * event comes once the request (a HEAD or GET, no body) is encoded; the same thread flushes it to the
     * socket next, without waiting on anything. (OkHttp raises {@code responseHeadersStart} only once the
     * answer has arrived, which would let one request per host out at a time whatever {@code maxPerHost} is.)
     */
    public OkHttpClient pace(OkHttpClient client) {
        return client.newBuilder()
                .addNetworkInterceptor(this::sendInTurn)
                .eventListener(new SentListener())
                .build();
    }

    private Response sendInTurn(Interceptor.Chain chain) throws IOException {
        Send send;
        try {
            send = beginSend(chain.request().url().host());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the host's turn");
        }
        sending.put(chain.call(), send);
        try {
            return chain.proceed(chain.request());
        } finally {
            sending.remove(chain.call());
            send.sent();
        }
    }

    /** Ends the host's turn as soon as the request is written, not when the answer is read. */
    private final class SentListener extends EventListener {
        @Override
        public void requestHeadersEnd(Call call, Request request) {
            Send send = sending.remove(call);
            if (send != null) {
                send.sent();
            }
        }
    }
}
