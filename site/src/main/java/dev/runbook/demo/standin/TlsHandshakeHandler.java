package dev.runbook.demo.standin;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;

/** Completes the TLS handshake (the probe reads the certificate) and waits for the client to hang up. */
final class TlsHandshakeHandler implements Listener.Handler {

    @Override
    public void serve(Socket socket) throws IOException {
        ((SSLSocket) socket).startHandshake();
        while (socket.getInputStream().read() >= 0) {
            // discard until the client closes
        }
    }
}
