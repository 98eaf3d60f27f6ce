package dev.runbook.demo.standin;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/** Accepts connections on daemon threads (never keeping the JVM alive) and hands each to a handler. */
final class Listener implements AutoCloseable {

    /** Serves one connection; the listener closes the socket afterwards. */
    interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket serverSocket;

    private Listener(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    static Listener start(String name, ServerSocket serverSocket, Handler handler) {
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    Thread worker = new Thread(() -> {
                        try (socket) {
                            socket.setSoTimeout(30_000);
                            handler.serve(socket);
                        } catch (IOException e) {
                            // The client went away or spoke nonsense; the stand-in only serves well-formed probes.
                        }
                    }, "demo-standin-" + name + "-" + connections.incrementAndGet());
                    worker.setDaemon(true);
                    worker.start();
                } catch (SocketException e) {
                    return; // closed
                } catch (IOException e) {
                    // accept failed for this one connection; keep serving
                }
            }
        }, "demo-standin-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        return new Listener(serverSocket);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
