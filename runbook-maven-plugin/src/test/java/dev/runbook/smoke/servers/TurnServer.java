package dev.runbook.smoke.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real coturn {@code turnserver} on a free loopback port (UDP and TCP), long-term credentials for one
 * user, relaying on 127.0.0.1, its SQLite database under target/test-servers.
 */
public final class TurnServer implements AutoCloseable {

    public static final String USER = "runbook";
    public static final String PASSWORD = "turn-secret-7f3a";
    public static final String REALM = "runbook.test";

    public final int port;
    private final ServerProcess process;

    private TurnServer(int port, ServerProcess process) {
        this.port = port;
        this.process = process;
    }

    public static TurnServer start() throws IOException, InterruptedException {
        Path turnserver = ServerProcess.program("turnserver", "coturn", List.of());
        Path dir = ServerProcess.workDir("coturn");
        int port = ServerProcess.freePort();
        int relayLow = ServerProcess.freePort();
        Path log = dir.resolve("turnserver.log");
        ServerProcess process = ServerProcess.start("turnserver", log, List.of(turnserver.toString(),
                "-n", "--listening-ip=127.0.0.1", "--listening-port=" + port, "--relay-ip=127.0.0.1",
                "--min-port=" + Math.min(relayLow, 65000), "--max-port=" + Math.min(relayLow + 200, 65535),
                "--lt-cred-mech", "--user=" + USER + ":" + PASSWORD, "--realm=" + REALM,
                "--no-tls", "--no-dtls", "--no-cli", "--log-file=stdout", "--simple-log",
                "--db=" + dir.resolve("turndb"), "--pidfile=" + dir.resolve("turnserver.pid")));
        // The TCP listener and the UDP listeners are set up together; once TCP accepts and the log says the
        // relay threads exist, both answer.
        process.awaitReady(() -> ServerProcess.accepts(port) && logSays(log, "Total General servers"));
        return new TurnServer(port, process);
    }

    private static boolean logSays(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
