package dev.runbook.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server against a real built site: types, folders, the 404 page, traversal, the injected script. */
class PreviewServerTest {

    private static final String SECRET = "top-secret-beside-the-root";

    @TempDir
    Path dir;
    PreviewFixture fixture;
    PreviewServer server;
    URI uri;

    @BeforeEach
    void start() throws Exception {
        fixture = new PreviewFixture(dir);
        fixture.write("payments/api-down.md", "---\nservice: payments\ntags: [api]\n---\n# API down\n\nRestart it.\n");
        fixture.buildNow();
        Files.writeString(fixture.target.resolve("secret.txt"), SECRET);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path site = fixture.site();
        Files.createDirectories(site.resolve("fonts"));
        Files.write(site.resolve("fonts/inter.woff2"), new byte[] {'w', 'O', 'F', '2'});
        Files.write(site.resolve("fonts/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(site.resolve("data.json"), "{\"ok\":true}");
        server = PreviewServer.start(site, "127.0.0.1", 0, fixture.runLog);
        uri = server.uri();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertEquals("127.0.0.1", uri.getHost());
        assertTrue(uri.getPort() > 0);
    }

    @Test
    void servesPagesWithTheirContentTypesAndNoCaching() throws Exception {
        assertType("", "text/html; charset=utf-8");
        assertType("index.html", "text/html; charset=utf-8");
        assertType("payments/api-down.html", "text/html; charset=utf-8");
        assertType("assets/site.css", "text/css; charset=utf-8");
        assertType("assets/site.js", "text/javascript; charset=utf-8");
        assertType("assets/favicon.svg", "image/svg+xml");
        assertType("fonts/inter.woff2", "font/woff2");
        assertType("fonts/logo.png", "image/png");
        assertType("data.json", "application/json");

        HttpResponse<String> page = fixture.get(uri.resolve("payments/api-down.html"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.body().contains("Restart it."));
        HttpResponse<String> json = fixture.get(uri.resolve("data.json"));
        assertEquals("{\"ok\":true}", json.body());
    }

    @Test
    void folderServesItsIndexAndRedirectsToTheSlashedUrl() throws Exception {
        Files.writeString(fixture.site().resolve("payments/index.html"), "<html><body>payments index</body></html>");
        HttpResponse<String> bare = fixture.get(uri.resolve("payments"));
        assertEquals(301, bare.statusCode());
        assertEquals("/payments/", bare.headers().firstValue("Location").orElse(""));
        HttpResponse<String> slashed = fixture.get(uri.resolve("payments/"));
        assertEquals(200, slashed.statusCode());
        assertTrue(slashed.body().contains("payments index"));
        String doubleSlash = raw("GET //payments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertFalse(doubleSlash.matches("(?s).*\r\nLocation: //.*"), "never a //host redirect: " + doubleSlash);
    }

    @Test
    void missingFileGetsTheSitesNotFoundPageWith404() throws Exception {
        HttpResponse<String> response = fixture.get(uri.resolve("payments/no-such-runbook.html"));
        assertEquals(404, response.statusCode());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("Page not found"), response.body());
        assertTrue(response.body().contains(ReloadScript.MARKER), "the 404 page reloads too");
    }

    @Test
    void reloadScriptIsInHtmlResponsesButNotInTheBuiltFiles() throws Exception {
        String served = fixture.get(uri.resolve("payments/api-down.html")).body();
        assertTrue(served.contains(ReloadScript.SNIPPET + "</body>"), served);
        assertFalse(Files.readString(fixture.site().resolve("payments/api-down.html")).contains(ReloadScript.MARKER));
        assertFalse(Files.readString(fixture.site().resolve("index.html")).contains(ReloadScript.MARKER));
        assertFalse(fixture.get(uri.resolve("assets/site.js")).body().contains(ReloadScript.MARKER), "only HTML");
        HttpResponse<String> script = fixture.get(uri.resolve(ReloadScript.PATH));
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.body().contains("new EventSource('" + ReloadEvents.PATH + "')"), script.body());
    }

    @Test
    void headAnswersWithoutABodyAndOtherMethodsAreRefused() throws Exception {
        HttpResponse<String> head = fixture.http.send(HttpRequest.newBuilder(uri.resolve("index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        HttpResponse<String> post = fixture.http.send(HttpRequest.newBuilder(uri.resolve("index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void traversalNeverReachesAFileOutsideTheRoot() throws Exception {
        List<String> attempts = List.of("/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/secret.txt",
                "/.%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2f..%2fsecret.txt", "/assets/..%2F..%2Fsecret.txt",
                "/..%5csecret.txt", "/%252e%252e/secret.txt", "/%c0%ae%c0%ae/secret.txt", "//../secret.txt",
                "/assets/../../secret.txt", "http://127.0.0.1/../secret.txt");
        for (String target : attempts) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status == 400 || status == 404, target + " -> " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains(SECRET), target + " leaked the secret");
        }
    }

    @Test
    void requestsForAnotherHostNameAreRefused() throws Exception {
        // DNS rebinding: a hostile page's own domain pointed at 127.0.0.1 would otherwise be same-origin.
        for (String host : List.of("evil.example", "evil.example:" + uri.getPort(), "127.0.0.1.evil.example", "")) {
            String response = raw("GET /payments/api-down.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 403"), host + " -> " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("Restart it."));
        }
        for (String host : List.of("127.0.0.1:" + uri.getPort(), "localhost:" + uri.getPort(), "localhost")) {
            String response = raw("GET /payments/api-down.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 200"), host + " -> " + response.lines().findFirst().orElse(""));
        }
        String events = raw("GET " + ReloadEvents.PATH + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(events.startsWith("HTTP/1.1 403"), events);
    }

    @Test
    void symbolicLinkOutOfTheRootIsNotFollowed() throws Exception {
        Files.createSymbolicLink(fixture.site().resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(fixture.site().resolve("up"), dir);
        HttpResponse<String> file = fixture.get(uri.resolve("escape.txt"));
        assertEquals(404, file.statusCode());
        assertFalse(file.body().contains(SECRET));
        HttpResponse<String> folder = fixture.get(uri.resolve("up/secret.txt"));
        assertEquals(404, folder.statusCode());
        assertFalse(folder.body().contains(SECRET));
    }

    private void assertType(String path, String type) throws Exception {
        HttpResponse<String> response = fixture.get(uri.resolve(path));
        assertEquals(200, response.statusCode(), path);
        assertEquals(type, response.headers().firstValue("Content-Type").orElse(""), path);
    }

    /** A request written byte for byte, so no client library normalizes the path first. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) PreviewFixture.WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
