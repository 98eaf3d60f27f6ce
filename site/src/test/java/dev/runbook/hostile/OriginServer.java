package dev.runbook.hostile;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback web server with an access log: serves a folder (the site's origin), or nothing at all (the
 * "other origin" that hostile content tries to reach, whose log must stay empty).
 */
final class OriginServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
            "js", "text/javascript", "svg", "image/svg+xml", "png", "image/png", "json", "application/json");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> accessLog = Collections.synchronizedList(new ArrayList<>());

    OriginServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            accessLog.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            Path file = root == null ? null : root.resolve(path.substring(1)).normalize();
            if (file != null && file.startsWith(root) && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            byte[] body = file != null && file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            String name = file == null ? "" : file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type",
                    TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (body == null) {
                body = "not found".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:port/} */
    String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
    }

    List<String> accessLog() {
        return List.copyOf(accessLog);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
