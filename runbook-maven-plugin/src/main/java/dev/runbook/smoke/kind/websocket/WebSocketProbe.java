package dev.runbook.smoke.kind.websocket;

import dev.runbook.core.time.Durations;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a WebSocket, sends the {@code send} lines in order, and reports the first message that arrives
 * after the last one as {@code message} (or the first message at all when nothing is sent and the block
 * asserts on {@code message}). Without a send and without a {@code message} assertion the check ends at the
 * handshake, so {@code expect time < 1s} measures the handshake, not a wait for a message.
 */
public final class WebSocketProbe implements Probe<WebSocketProbeSpec> {

    @Override
    public Observation run(WebSocketProbeSpec spec, ProbeContext context) throws ProbeRefusedException, InterruptedException {
        String urlText = context.resolve(spec.url());
        if (!urlText.startsWith("ws://") && !urlText.startsWith("wss://")) {
            throw new ProbeRefusedException("'" + urlText + "' is not a ws:// or wss:// URL");
        }
        HttpUrl url = HttpUrl.parse(urlText.replaceFirst("^ws", "http"));
        if (url == null) {
            throw new ProbeRefusedException("'" + urlText + "' is not a valid WebSocket URL");
        }
        context.requireAllowed(url.host(), url.port());
        long deadline = System.nanoTime() + context.timeout().toNanos();
        OkHttpClient client = context.http().newBuilder().followRedirects(false).followSslRedirects(false)
                .connectTimeout(context.timeout()).readTimeout(context.timeout()).build();
        CompletableFuture<Response> opened = new CompletableFuture<>();
        // Subscribed before the connection exists: every message is recorded in arrival order, so a greeting
        // sent on connect can never be lost, nor be taken for the reply to what we send.
        Inbox messages = new Inbox();
        long start = System.nanoTime();
        WebSocket socket = client.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                messages.opened();
                opened.complete(response);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                messages.add(text);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                opened.completeExceptionally(t);
                messages.fail();
            }
        });
        try {
            try {
                opened.get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return Observation.failed(false, since(start), "no WebSocket handshake within " + format(context.timeout()) + " (timeout)");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return Observation.failed(false, since(start), cause instanceof Exception ex
                        ? "WebSocket handshake failed: " + Probe.describe(ex, context.timeout()) : String.valueOf(cause));
            }
            Duration handshake = since(start);
            if (!spec.awaitMessage()) {
                // Connect-only: the handshake is the whole check, and `time` is the handshake's.
                return new Observation(null, null, null, handshake, true, null, null, null);
            }
            int after = 0;
            if (!spec.sends().isEmpty()) {
                // A greeting the server wrote on connect may still be on its way; wait until the line is quiet
                // so it is counted before our send, then take the first message after the last send.
                messages.awaitQuiet(SETTLE, deadline);
                for (String text : spec.sends()) {
                    after = messages.mark();
                    socket.send(context.resolve(text));
                }
            }
            Inbox.Next next = messages.firstFrom(after, deadline);
            if (next.failed()) {
                return new Observation(null, null, null, handshake, true, null, null, "the connection failed before a message arrived");
            }
            if (next.text() == null) {
                return new Observation(null, null, null, handshake, true, null, null,
                        "no message within " + format(context.timeout()) + " (timeout)");
            }
            return new Observation(null, null, null, handshake, true, null, next.text(), null);
        } finally {
            if (!socket.close(1000, "smoke check done")) {
                socket.cancel();
            }
        }
    }

    /** How long the connection must stay silent after the handshake before the first send. */
    static final Duration SETTLE = Duration.ofMillis(150);

    /** Every text message of one connection, in arrival order, and whether the connection failed. */
    static final class Inbox {
        record Next(String text, boolean failed) {
        }

        private final List<String> texts = new ArrayList<>();
        private boolean failed;
        private long lastArrival = System.nanoTime();

        synchronized void add(String text) {
            texts.add(text);
            lastArrival = System.nanoTime();
            notifyAll();
        }

        /** The quiet period before the first send counts from the handshake, not from the connect. */
        synchronized void opened() {
            lastArrival = System.nanoTime();
        }

        synchronized void fail() {
            failed = true;
            notifyAll();
        }

        /** How many messages arrived so far: those are "before" whatever is sent next. */
        synchronized int mark() {
            return texts.size();
        }

        synchronized void awaitQuiet(Duration quiet, long deadline) throws InterruptedException {
            while (!failed) {
                long wake = lastArrival + quiet.toNanos();
                long now = System.nanoTime();
                if (now >= wake || now >= deadline) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(wake, deadline) - now);
            }
        }

        /** The first message with index {@code from} or later, waiting until the deadline. */
        synchronized Next firstFrom(int from, long deadline) throws InterruptedException {
            while (texts.size() <= from && !failed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Next(null, false);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return texts.size() > from ? new Next(texts.get(from), false) : new Next(null, true);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String format(Duration d) {
        return Durations.format(d);
    }
}
