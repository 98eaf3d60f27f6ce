package dev.runbook.demo.standin;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A minimal RFC 6455 server for {@code /collab}: upgrades, answers {@code {"type":"pong"}} to every text
 * message that contains "ping", answers control frames, and closes when asked.
 */
final class WebSocketPongHandler implements Listener.Handler {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    @Override
    public void serve(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        HttpExchange request = HttpExchange.read(in);
        String key = request.headers.get("sec-websocket-key");
        if (!request.target.startsWith("/collab") || key == null || !"websocket".equalsIgnoreCase(request.headers.get("upgrade"))) {
            HttpExchange.respond(out, 404, "Not Found", "text/plain", "WebSocket endpoint is /collab\n");
            return;
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(0);
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            int opcode = b0 & 0x0F;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (length > 1 << 20) {
                return;
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (opcode) {
                case TEXT -> {
                    if (new String(payload, StandardCharsets.UTF_8).contains("ping")) {
                        frame(out, TEXT, "{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8));
                    }
                }
                case PING -> frame(out, PONG, payload);
                case CLOSE -> {
                    frame(out, CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    return;
                }
                default -> {
                    // binary and continuation frames are not part of the demo
                }
            }
        }
    }

    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(payload);
        out.flush();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
