package dev.runbook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Server-Sent Events stream open pages listen on. Each connected page holds one handler thread that
 * waits for the next event; a comment line every few seconds notices pages that went away.
 */
final class ReloadEvents implements HttpHandler {

    static final String PATH = "/__runbook/events";

    /** Sent right after a page connects, so a client knows it will receive the next event. */
    static final String CONNECTED = ": connected";

    private static final long KEEP_ALIVE_SECONDS = 15;
    private static final String CLOSE = "\u0000close";

    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Tells every open page that a rebuild finished. */
    void reload(long build) {
        publish("reload", Long.toString(build));
    }

    /** Tells every open page that a rebuild failed (shown in the browser console; the page stays). */
    void buildFailed(String message) {
        publish("build-error", message);
    }

    /** Waits until at least {@code count} pages listen; false when the timeout passed first. */
    synchronized boolean awaitClients(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (clients.size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private synchronized void clientsChanged() {
        notifyAll();
    }

    private void publish(String event, String data) {
        StringBuilder frame = new StringBuilder("event: ").append(event).append('\n');
        for (String line : data.split("\\R", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        String text = frame.append('\n').toString();
        for (BlockingQueue<String> client : clients) {
            client.offer(text);
        }
    }

    /** Ends every open stream; pages reconnect on their own when a new server starts. */
    void close() {
        closed = true;
        for (BlockingQueue<String> client : clients) {
            client.offer(CLOSE);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            clients.add(queue);
            clientsChanged();
            try {
                OutputStream out = exchange.getResponseBody();
                write(out, "retry: 1000\n" + CONNECTED + "\n\n");
                while (!closed) {
                    String next = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                    if (CLOSE.equals(next)) {
                        break;
                    }
                    write(out, next == null ? ": keep-alive\n\n" : next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException gone) {
                // The page was closed or navigated away; nothing to do but forget it.
            } finally {
                clients.remove(queue);
                clientsChanged();
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
