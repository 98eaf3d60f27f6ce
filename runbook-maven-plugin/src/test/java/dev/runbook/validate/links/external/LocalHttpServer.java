package dev.runbook.validate.links.external;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 that records every request (method, path, arrival time). */
final class LocalHttpServer implements AutoCloseable {

    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange, int hitNumber) throws IOException;
    }

    record Hit(String method, String path, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hitsByPath = new ConcurrentHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    private volatile Runnable hitListener = () -> { };

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    LocalHttpServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    String url(String path) {
        return url("127.0.0.1", path);
    }

    /** The URL under another name for this server, e.g. {@code localhost}, so the client asks its DNS. */
    String url(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** Runs after each request is recorded, before it is answered. */
    LocalHttpServer onHit(Runnable listener) {
        hitListener = listener;
        return this;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        synchronized (hits) {
            hits.add(new Hit(exchange.getRequestMethod(), path, System.nanoTime()));
        }
        hitListener.run();
        try {
            int n = hitsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Route route = routes.get(path);
            if (route == null) {
                respond(exchange, 404, null);
            } else {
                route.handle(exchange, n);
            }
        } finally {
            exchange.close();
        }
    }

    /** Every request so far, in the order the server recorded them. */
    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    List<Hit> hits(String path) {
        synchronized (hits) {
            return hits.stream().filter(h -> h.path().equals(path)).toList();
        }
    }

    int hitCount(String path) {
        return hits(path).size();
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Route status(int status) {
        return (exchange, n) -> respond(exchange, status, status == 200 ? "ok" : null);
    }

    static Route redirect(int status, String location) {
        return (exchange, n) -> {
            exchange.getResponseHeaders().add("Location", location);
            respond(exchange, status, null);
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
