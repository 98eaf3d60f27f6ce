package dev.runbook.serve;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Serves a built site from one folder over HTTP, with the reload script added to every HTML page and the
 * {@link ReloadEvents} stream beside it. Only files under the root are ever read. Nothing is cached:
 * each request reads the file as it is now, and tells the browser not to keep it either.
 */
public final class PreviewServer implements AutoCloseable {

    private static final byte[] PLAIN_404 = "Not found\n".getBytes(StandardCharsets.UTF_8);

    private final Path root;
    private final RunLog log;
    private final ReloadEvents events = new ReloadEvents();
    // The site is swapped in with two renames, so for an instant the folder is missing; a request that
    // finds nothing while a build runs waits for the build to finish and looks again.
    private final ReadWriteLock building = new ReentrantReadWriteLock();
    private final HttpServer server;
    private final ExecutorService threads;

    private PreviewServer(Path root, HttpServer server, RunLog log) {
        this.root = root.toAbsolutePath().normalize();
        this.server = server;
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runbook-serve-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        HttpContext eventsContext = server.createContext(ReloadEvents.PATH, events);
        HttpContext scriptContext = server.createContext(ReloadScript.PATH, PreviewServer::serveReloadScript);
        HttpContext filesContext = server.createContext("/", this::serveFile);
        if (server.getAddress().getAddress().isLoopbackAddress()) {
            eventsContext.getFilters().add(new LoopbackHostFilter());
            scriptContext.getFilters().add(new LoopbackHostFilter());
            filesContext.getFilters().add(new LoopbackHostFilter());
        }
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and starts answering. The host is used as given:
     * the caller decides whether anything but loopback is acceptable.
     */
    public static PreviewServer start(Path root, String host, int port, RunLog log) throws SetupException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
        } catch (BindException e) {
            throw new SetupException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another preview running? Choose another port with -Drunbook.serve.port=…"
                    + " (0 picks a free one)", e);
        } catch (IOException e) {
            throw new SetupException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        PreviewServer preview = new PreviewServer(root, server, log);
        server.start();
        return preview;
    }

    /** Where the site can be opened, e.g. {@code http://127.0.0.1:8000/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** Runs a build while holding back requests that would otherwise see the half-swapped site. */
    public <T> T whileBuilding(Callable<T> build) throws Exception {
        building.writeLock().lock();
        try {
            return build.call();
        } finally {
            building.writeLock().unlock();
        }
    }

    /** Tells every open page to reload. */
    public void reloadPages(long build) {
        events.reload(build);
    }

    /** Tells every open page that the last rebuild failed; they keep showing the last good site. */
    public void reportBuildFailure(String message) {
        events.buildFailed(message);
    }

    boolean awaitConnectedPages(int count, long timeoutMillis) throws InterruptedException {
        return events.awaitClients(count, timeoutMillis);
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private static void serveReloadScript(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = ReloadScript.SOURCE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.of("reload.js"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<String> relative = RequestPath.relative(rawPath);
            if (relative.isEmpty()) {
                log.debug("runbook: serve: refused request path " + rawPath);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Optional<Path> file = resolve(relative.get());
            if (file.isEmpty()) {
                awaitBuild();
                file = resolve(relative.get());
            }
            if (file.isPresent() && Files.isDirectory(file.get())) {
                if (!RequestPath.namesFolder(rawPath)) {
                    // Relative links in the folder's index.html only work under the URL with a slash.
                    exchange.getResponseHeaders().set("Location", folderUrl(rawPath));
                    exchange.sendResponseHeaders(301, -1);
                    return;
                }
                file = resolve(relative.get().isEmpty() ? "index.html" : relative.get() + "/index.html");
            }
            if (file.isPresent() && send(exchange, file.get(), 200, head)) {
                return;
            }
            Optional<Path> notFound = resolve("404.html");
            if (notFound.isEmpty() || !send(exchange, notFound.get(), 404, head)) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, head ? -1 : PLAIN_404.length);
                if (!head) {
                    exchange.getResponseBody().write(PLAIN_404);
                }
            }
        }
    }

    /** The folder's URL with one leading and one trailing slash (never {@code //host}, an open redirect). */
    private static String folderUrl(String rawPath) {
        StringBuilder url = new StringBuilder("/");
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                url.append(segment).append('/');
            }
        }
        return url.toString();
    }

    /** The file or folder under the root, if it exists and really is inside the root (no symlink out). */
    private Optional<Path> resolve(String relative) {
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root) || !Files.exists(candidate)) {
            return Optional.empty();
        }
        try {
            if (!candidate.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    private void awaitBuild() {
        building.readLock().lock();
        building.readLock().unlock();
    }

    /** Sends a regular file; false when it vanished before it could be opened (a rebuild swapped it). */
    private boolean send(HttpExchange exchange, Path file, int status, boolean head) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String type = ContentTypes.of(file.getFileName().toString());
        exchange.getResponseHeaders().set("Content-Type", type);
        if (ContentTypes.isHtml(type)) {
            byte[] page;
            try {
                page = ReloadScript.inject(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                return false;
            }
            exchange.sendResponseHeaders(status, head ? -1 : page.length);
            if (!head) {
                exchange.getResponseBody().write(page);
            }
            return true;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        try (channel) {
            exchange.sendResponseHeaders(status, head ? -1 : channel.size());
            if (!head) {
                Channels.newInputStream(channel).transferTo(exchange.getResponseBody());
            }
        }
        return true;
    }
}
