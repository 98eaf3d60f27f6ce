package dev.runbook.demo.standin;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stand-in for the demo's "staging": it answers exactly what the smoke blocks of the demo
 * runbooks ask, on 127.0.0.1 only, so the demo build runs them for real without any network. One health
 * endpoint (search) answers 503 on purpose, so the demo site shows a failing runbook.
 *
 * <p>{@link #main} binds four free ports (never fixed ones: two builds on one machine must not collide),
 * writes the CA certificate it serves with and the {@code demo} environment that points at those ports,
 * and returns with only daemon threads left, so it can run inside the Maven JVM via
 * {@code exec-maven-plugin:java} for the rest of the build.
 */
public final class DemoStandIn implements AutoCloseable {

    static final String ENVIRONMENTS_FILE = "runbook-environments.yaml";
    static final String CA_FILE = "ca.pem";

    private final List<Listener> listeners;

    private DemoStandIn(List<Listener> listeners) {
        this.listeners = listeners;
    }

    /**
     * {@code args[0]}: a folder; the stand-in writes {@code ca.pem} and {@code runbook-environments.yaml}
     * (environment {@code demo}) there.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DemoStandIn <folder for ca.pem and runbook-environments.yaml>,"
                    + " e.g. site/target/demo-standin");
        }
        Path folder = Path.of(args[0]);
        DemoStandIn standIn = start(folder.resolve(CA_FILE), 0, 0, 0, 0);
        Path environments = standIn.writeEnvironment(folder.resolve(ENVIRONMENTS_FILE));
        System.out.println("demo stand-in: listening on 127.0.0.1:" + standIn.port(0) + " (HTTP), " + standIn.port(1)
                + " (WebSocket), " + standIn.port(2) + " (TCP), " + standIn.port(3) + " (TLS); environment written to "
                + environments);
        // Deliberately not closed: it serves the rest of the build on daemon threads.
    }

    /** The {@code demo} environment for the ports this stand-in listens on, trusting its CA. */
    Path writeEnvironment(Path file) throws IOException {
        String yaml = "# Written by the demo stand-in for this build only: the ports are chosen afresh each run.\n"
                + "demo:\n"
                + "  variables:\n"
                + "    api: \"http://127.0.0.1:" + port(0) + "\"\n"
                + "    collab: \"ws://127.0.0.1:" + port(1) + "\"\n"
                + "    turn: \"127.0.0.1:" + port(2) + "\"\n"
                + "    edge_tls: \"127.0.0.1:" + port(3) + "\"\n"
                + "  allowed_hosts: [\"127.0.0.1\"]\n"
                + "  trust: [\"" + CA_FILE + "\"]\n";
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(file, yaml, java.nio.charset.StandardCharsets.UTF_8);
        return file;
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
                Listener.start("tcp", sockets.get(2), new PingEchoHandler()),
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
            throw new BindException("demo stand-in: cannot listen on 127.0.0.1:" + port + " (" + what + "): " + e.getMessage());
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
