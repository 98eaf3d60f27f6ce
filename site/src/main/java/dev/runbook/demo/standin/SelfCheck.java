package dev.runbook.demo.standin;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One request to each listener before {@code main} returns. It proves the stand-in serves, and it loads
 * every class the handlers use: exec-maven-plugin closes its class loader when {@code main} returns, so
 * a class first needed later (by a daemon thread serving the smoke run) could no longer be loaded.
 */
final class SelfCheck {

    private SelfCheck() {
    }

    static void run(int httpPort, int webSocketPort, int tcpPort, int tlsPort, SSLSocketFactory trustingClient) throws IOException {
        String health = http(httpPort, "/health");
        String missing = http(httpPort, "/nope");
        if (!health.startsWith("HTTP/1.1 200") || !missing.startsWith("HTTP/1.1 404")) {
            throw new IOException("demo stand-in self-check: HTTP answered " + firstLine(health) + " / " + firstLine(missing));
        }
        webSocket(webSocketPort);
        try (Socket tcp = connect(tcpPort)) {
            tcp.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            tcp.shutdownOutput();
            String answer = new String(tcp.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!answer.equals("+PONG\r\n")) {
                throw new IOException("demo stand-in self-check: TCP answered '" + answer.strip() + "' to PING");
            }
        }
        try (Socket plain = connect(tlsPort);
             SSLSocket tls = (SSLSocket) trustingClient.createSocket(plain, "127.0.0.1", tlsPort, true)) {
            tls.startHandshake();
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(java.net.Proxy.NO_PROXY);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(5_000);
        return s;
    }

    private static String http(int port, String path) throws IOException {
        try (Socket s = connect(port)) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void webSocket(int port) throws IOException {
        try (Socket s = connect(port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /collab HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(s.getInputStream());
            HttpExchange.readStatusHead(in);
            maskedFrame(out, 0x1, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            int opcode = in.readUnsignedByte() & 0x0F;
            byte[] payload = new byte[in.readUnsignedByte() & 0x7F];
            in.readFully(payload);
            if (opcode != 0x1 || !new String(payload, StandardCharsets.UTF_8).contains("pong")) {
                throw new IOException("demo stand-in self-check: WebSocket did not answer pong");
            }
            maskedFrame(out, 0x8, new byte[] {0x03, (byte) 0xE8});
            in.readUnsignedByte();
        }
    }

    private static void maskedFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        out.write(0x80 | opcode);
        out.write(0x80 | payload.length);
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    private static String firstLine(String response) {
        int end = response.indexOf('\r');
        return end < 0 ? response : response.substring(0, end);
    }
}
