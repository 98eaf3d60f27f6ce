package dev.runbook.demo.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The demo's TCP service, in the style of Redis's inline protocol: a {@code PING} line is answered
 * {@code +PONG}, any other line is echoed back, until the client hangs up. A connect-and-close probe
 * sees an open port; a payload probe ({@code send "PING\r\n"}) sees the answer.
 */
final class PingEchoHandler implements Listener.Handler {

    /** Longest line served; a demo client never sends more. */
    private static final int MAX_LINE = 4096;

    @Override
    public void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n' && line.size() < MAX_LINE) {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8).strip();
            line.reset();
            out.write((text.equalsIgnoreCase("PING") ? "+PONG\r\n" : text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
