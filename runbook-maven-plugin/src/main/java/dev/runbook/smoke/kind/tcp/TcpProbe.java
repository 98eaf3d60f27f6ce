package dev.runbook.smoke.kind.tcp;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a TCP connection; with {@code send} lines, sends them and reads the answer as {@code message} until
 * the block's expectations hold, the peer closes, {@link #MAX_MESSAGE} bytes arrived, or the timeout.
 * Without {@code send} lines but with a {@code message} expectation (a banner, e.g. SMTP's 220), it reads
 * the same way without sending.
 */
public final class TcpProbe implements Probe<TcpProbeSpec> {

    /** What a check keeps of an answer; a health answer is short, and a runaway stream must not fill memory. */
    public static final int MAX_MESSAGE = 64 * 1024;

    @Override
    public Observation run(TcpProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        HostPort target = HostPort.parse(context.resolve(spec.target()));
        context.requireAllowed(target.host(), target.port());
        List<byte[]> payloads = new ArrayList<>();
        for (String send : spec.sends()) {
            try {
                payloads.add(Escapes.decodeQuoted(context.resolve(send)));
            } catch (IllegalArgumentException e) {
                throw new ProbeRefusedException("send " + send + ": " + e.getMessage() + " (nothing was sent)");
            }
        }
        long start = System.nanoTime();
        long deadline = start + context.timeout().toNanos();
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) Math.max(1, context.timeout().toMillis()));
            if (payloads.isEmpty() && spec.enough() == null) {
                return new Observation(null, null, null, Duration.ofNanos(System.nanoTime() - start), true, null, null, null);
            }
            for (byte[] p : payloads) {
                socket.getOutputStream().write(p);
            }
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            String failure = null;
            while (received.size() < MAX_MESSAGE) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    failure = "timeout";
                    break;
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer, 0, Math.min(buffer.length, MAX_MESSAGE - received.size()));
                } catch (SocketTimeoutException e) {
                    failure = "timeout";
                    break;
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                String text = Escapes.readable(received.toByteArray(), received.size());
                if (spec.enough() == null || spec.enough().test(text)) {
                    break;
                }
            }
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (received.size() == 0 && failure != null) {
                return new Observation(null, null, null, time, true, null, null, Probe.describe(new SocketTimeoutException(), context.timeout()));
            }
            return new Observation(null, null, null, time, true, null, Escapes.readable(received.toByteArray(), received.size()), null);
        } catch (IOException e) {
            return Observation.failed(false, Duration.ofNanos(System.nanoTime() - start), Probe.describe(e, context.timeout()));
        }
    }
}
