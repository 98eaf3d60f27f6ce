package dev.runbook.smoke.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real PostgreSQL cluster made by {@code initdb} and run by {@code pg_ctl} on a free loopback port,
 * TCP only (no Unix socket). PostgreSQL refuses to run as root, and CI runs as root: then the cluster runs
 * as the {@code postgres} user the Debian package creates, through {@code runuser}, and its folder is
 * handed to that user. When that user cannot reach target/ (a checkout under a private home folder), the
 * cluster lives in a temporary folder instead.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "runbook";
    public static final String PASSWORD = "pg-secret-5d1c";
    public static final String DATABASE = "app";

    public final int port;
    private final Path pgCtl;
    private final Path data;
    private final List<String> asUser;

    private PostgresServer(int port, Path pgCtl, Path data, List<String> asUser) {
        this.port = port;
        this.pgCtl = pgCtl;
        this.data = data;
        this.asUser = asUser;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binDir();
        Path initdb = bin.resolve("initdb");
        Path pgCtl = bin.resolve("pg_ctl");
        List<String> asUser = ServerProcess.runningAsRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of();
        Path dir = ServerProcess.workDir("postgres");
        if (!asUser.isEmpty()) {
            ServerProcess.run(List.of("chown", "postgres", dir.toString()));
            if (!reachable(asUser, dir)) {
                dir = Files.createTempDirectory("runbook-postgres-");
                ServerProcess.run(List.of("chown", "postgres", dir.toString()));
            }
        }
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        if (!asUser.isEmpty()) {
            ServerProcess.run(List.of("chown", "postgres", pwfile.toString()));
        }
        ServerProcess.run(command(asUser, initdb.toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "--no-sync", "--encoding=UTF8", "--locale=C"));
        int port = ServerProcess.freePort();
        Path log = dir.resolve("postgres.log");
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off";
        PostgresServer server = new PostgresServer(port, pgCtl, data, asUser);
        Thread reaper = new Thread(() -> server.stopQuietly(), "stop postgres");
        Runtime.getRuntime().addShutdownHook(reaper);
        ServerProcess.run(command(asUser, pgCtl.toString(), "start", "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", String.valueOf(ServerProcess.START_LIMIT.toSeconds()), "-o", options));
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL started but refused the test user: " + e.getMessage(), e);
        }
        return server;
    }

    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ServerProcess.run(command(asUser, pgCtl.toString(), "stop", "-D", data.toString(), "-m", "fast", "-w"));
    }

    private void stopQuietly() {
        try {
            close();
        } catch (Exception e) {
            // already stopped
        }
    }

    private static boolean reachable(List<String> asUser, Path dir) throws InterruptedException {
        try {
            ServerProcess.run(command(asUser, "test", "-w", dir.toString()));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static List<String> command(List<String> prefix, String... words) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(words));
        return all;
    }

    /** {@code pg_config --bindir} when it holds the server, else the newest /usr/lib/postgresql/N/bin, else PATH. */
    static Path binDir() {
        try {
            Path fromConfig = Path.of(ServerProcess.run(List.of("pg_config", "--bindir")).strip());
            if (Files.isExecutable(fromConfig.resolve("pg_ctl")) && Files.isExecutable(fromConfig.resolve("initdb"))) {
                return fromConfig;
            }
        } catch (IOException | IllegalStateException | InterruptedException e) {
            // pg_config comes with libpq-dev, not with the server; look further
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to PATH
            }
        }
        return ServerProcess.program("pg_ctl", "postgresql", List.of()).getParent();
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
