package dev.runbook.serve;

import dev.runbook.core.LinesLog;
import dev.runbook.core.RunLog;
import dev.runbook.site.SiteRequest;
import dev.runbook.site.SiteResult;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A content folder, a build folder, the preview build the goal uses, and an HTTP client for the server. */
final class PreviewFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Duration WAIT = Duration.ofSeconds(30);

    final Path content;
    final Path target;
    final Path templates;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final RunLog runLog = LinesLog.withoutDebug(log);

    PreviewFixture(Path dir) throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        target = Files.createDirectories(dir.resolve("target"));
        templates = Files.createDirectories(dir.resolve("templates"));
    }

    Path site() {
        return target.resolve("runbook-serve");
    }

    PreviewFixture write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    PreviewBuild build() {
        StatusSource status = StatusSource.reviewOnly(new ReviewSchedule(null), TODAY);
        return new PreviewBuild(content, loaded -> new SiteRequest(loaded, site(), target.resolve("runbook-serve-state.json"),
                templates, "Runbooks", null, true, status, TODAY, "test", 1, runLog), runLog);
    }

    SiteResult buildNow() throws Exception {
        return build().run();
    }

    LivePreview.Settings settings(Duration quiet) {
        return new LivePreview.Settings(site(), List.of(content, templates), List.of(target), "127.0.0.1", 0, quiet);
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    String logText() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /** An open Server-Sent Events stream whose lines are read in the background. */
    final class Events implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final InputStream body;

        Events(URI server) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(server.resolve(ReloadEvents.PATH)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                fail("events endpoint answered " + response.statusCode());
            }
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            await(ReloadEvents.CONNECTED::equals);
        }

        /** The first line (after the ones already seen) that matches, or a failure after {@link #WAIT}. */
        String await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return fail("no matching event within " + WAIT + "; log:\n" + logText());
                }
                if (wanted.test(line)) {
                    return line;
                }
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
