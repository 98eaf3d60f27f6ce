package dev.runbook.demo.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The least HTTP/1.1 the stand-in needs: read one request head, write one response and close. */
final class HttpExchange {

    final String method;
    final String target;
    final Map<String, String> headers;

    private HttpExchange(String method, String target, Map<String, String> headers) {
        this.method = method;
        this.target = target;
        this.headers = headers;
    }

    static HttpExchange read(InputStream in) throws IOException {
        String requestLine = line(in);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        in.skipNBytes(Math.min(length, 1 << 20));
        return new HttpExchange(parts[0], parts[1], headers);
    }

    static void respond(OutputStream out, int code, String reason, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code + " " + reason + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Reads a response head (status line and headers) and returns the status line. */
    static String readStatusHead(InputStream in) throws IOException {
        String status = line(in);
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            // headers are not needed
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-request");
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 8192) {
                throw new IOException("request head too long");
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
