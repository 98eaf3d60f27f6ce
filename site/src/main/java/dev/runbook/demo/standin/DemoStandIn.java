package dev.runbook.demo.standin;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stand-in for the demo environment of {@code runbook-environments.yaml}: it answers exactly
 * what the smoke blocks of the demo runbooks ask, on 127.0.0.1 only, so the demo build runs them for real
 * without any network. One health endpoint (search) answers 503 on purpose, so the demo site shows a
 * failing runbook.
 *
 * <p>{@link #main} binds the four ports, writes the CA certificate the {@code demo} environment trusts,
 * and returns with only daemon threads left, so it can run inside the Maven JVM via
 * {@code exec-maven-plugin:java} for the rest of the build.
 */
public final class DemoStandIn implements AutoCloseable {

    public static final int HTTP_PORT = 47801;
    public static final int WEBSOCKET_PORT = 47802;
    public static final int TCP_PORT = 47803;
    public static final int TLS_PORT = 47804;

    private final List<Listener> listeners;

    private DemoStandIn(List<Listener> listeners) {
        this.listeners = listeners;
    }

    /** {@code args[0]}: where to write the CA certificate (PEM) that the demo environment trusts. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DemoStandIn <path of the CA PEM to write>, e.g. site/target/demo-standin/ca.pem");
        }
        DemoStandIn standIn = start(Path.of(args[0]), HTTP_PORT, WEBSOCKET_PORT, TCP_PORT, TLS_PORT);
        System.out.println("demo stand-in: listening on 127.0.0.1:" + HTTP_PORT + " (HTTP), " + WEBSOCKET_PORT + " (WebSocket), "
                + TCP_PORT + " (TCP), " + TLS_PORT + " (TLS); CA written to " + args[0]);
        // Deliberately not closed: it serves the rest of the build on daemon threads.
        assert standIn != null;
    }

    /** Binds every port first, so a busy port fails before anything is served. */
    public static DemoStandIn start(Path caPem, int httpPort, int webSocketPort, int tcpPort, int tlsPort) throws IOException {
        DemoCertificates certificates = DemoCertificates.create();
        certificates.writeCaPem(caPem);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            sockets.add(bind(new ServerSocket(), loopback, httpPort, "HTTP"));
            sockets.add(bind(new ServerSocket(), loopback, webSocketPort, "WebSocket"));
            sockets.add(bind(new ServerSocket(), loopback, tcpPort, "TCP"));
            sockets.add(bind(certificates.serverSocketFactory().createServerSocket(), loopback, tlsPort, "TLS"));
        } catch (IOException | RuntimeException e) {
            for (ServerSocket s : sockets) {
                s.close();
            }
            throw e;
        }
        List<Listener> listeners = List.of(
                Listener.start("http", sockets.get(0), new DemoHttpHandler()),
                Listener.start("websocket", sockets.get(1), new WebSocketPongHandler()),
                Listener.start("tcp", sockets.get(2), socket -> { }),
                Listener.start("tls", sockets.get(3), new TlsHandshakeHandler()));
        DemoStandIn standIn = new DemoStandIn(listeners);
        try {
            SelfCheck.run(listeners.get(0).port(), listeners.get(1).port(), listeners.get(2).port(), listeners.get(3).port(),
                    certificates.trustingClient());
        } catch (IOException | RuntimeException e) {
            standIn.close();
            throw e;
        }
        return standIn;
    }

    private static ServerSocket bind(ServerSocket socket, InetAddress address, int port, String what) throws IOException {
        try {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(address, port), 50);
            return socket;
        } catch (BindException e) {
            socket.close();
            throw new BindException("demo stand-in: port " + port + " (" + what + ") on 127.0.0.1 is busy — is another build "
                    + "or stand-in running? Stop it (e.g. `ss -ltnp | grep " + port + "`) and build again");
        }
    }

    public int port(int index) {
        return listeners.get(index).port();
    }

    @Override
    public void close() throws IOException {
        for (Listener l : listeners) {
            l.close();
        }
    }
}
