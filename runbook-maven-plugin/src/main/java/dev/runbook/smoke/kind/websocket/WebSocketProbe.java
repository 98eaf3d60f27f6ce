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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a WebSocket, sends the {@code send} lines in order, and reports the first message that arrives
 * after the last one as {@code message} (or the first message at all when nothing is sent).
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
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        long start = System.nanoTime();
        WebSocket socket = client.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                opened.complete(response);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                messages.add(text);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                opened.completeExceptionally(t);
                messages.add(FAILED);
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
            for (String text : spec.sends()) {
                messages.clear();
                socket.send(context.resolve(text));
            }
            String message = messages.poll(remaining(deadline), TimeUnit.NANOSECONDS);
            if (message == null) {
                return new Observation(null, null, null, handshake, true, null, null,
                        "no message within " + format(context.timeout()) + " (timeout)");
            }
            if (message == FAILED) { // identity: only our marker, never a server text
                return new Observation(null, null, null, handshake, true, null, null, "the connection failed before a message arrived");
            }
            return new Observation(null, null, null, handshake, true, null, message, null);
        } finally {
            if (!socket.close(1000, "smoke check done")) {
                socket.cancel();
            }
        }
    }

    // Cannot be sent by a server as text frame content we compare: the queue's own end marker.
    private static final String FAILED = new String("\u0000failed");

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
