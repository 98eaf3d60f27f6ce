package dev.runbook.smoke.servers;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real server process started by a test: its own work folder under {@code target/test-servers}, a free
 * loopback port, a log file, and a stop that also runs at JVM exit so a crashed test leaves nothing behind.
 * A missing program fails loudly with what to install; nothing is skipped.
 */
public final class ServerProcess implements AutoCloseable {

    /** Generous: a busy CI machine with eight builds may take seconds to start PostgreSQL. */
    static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static ServerProcess start(String name, Path log, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServerProcess(name, builder.start(), log);
    }

    /** Waits until {@code ready} holds, failing with the server's log if it exits or the limit passes. */
    void awaitReady(BooleanSupplier ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ready.getAsBoolean()) {
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + START_LIMIT.toSeconds() + "s:\n" + tail());
            }
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already exiting; the hook runs anyway
        }
    }

    /** A fresh folder under target/test-servers (the working directory of a Maven test run is the module). */
    static Path workDir(String name) throws IOException {
        Path root = Path.of("target", "test-servers").toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, name + "-");
    }

    /** A loopback port that is free for both TCP and UDP right now. */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException busyForUdp) {
                    // try another
                }
            }
        }
        throw new IOException("no loopback port free for both TCP and UDP");
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The program on PATH (or in one of {@code extraDirs}), or a failure saying which Debian package to install. */
    static Path program(String program, String debianPackage, List<Path> extraDirs) {
        List<Path> dirs = new ArrayList<>(extraDirs);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " not found on PATH: install " + debianPackage
                + " (apt-get install " + debianPackage + "; .ci/run does this)");
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a short command to completion, failing with its output if it does not succeed. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
