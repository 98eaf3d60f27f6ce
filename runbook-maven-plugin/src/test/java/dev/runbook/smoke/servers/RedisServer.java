package dev.runbook.smoke.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A real redis-server on a free loopback port, no persistence, data under target/test-servers. */
public final class RedisServer implements AutoCloseable {

    public final int port;
    private final ServerProcess process;

    private RedisServer(int port, ServerProcess process) {
        this.port = port;
        this.process = process;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        Path redis = ServerProcess.program("redis-server", "redis-server", List.of());
        Path dir = ServerProcess.workDir("redis");
        int port = ServerProcess.freePort();
        ServerProcess process = ServerProcess.start("redis-server", dir.resolve("redis.log"), List.of(redis.toString(),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no"));
        process.awaitReady(() -> ping(port));
        return new RedisServer(port, process);
    }

    private static boolean ping(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
