package dev.runbook.smoke.kind.tcp;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;

/** Opens a TCP connection and closes it. */
public final class TcpProbe implements Probe<TcpProbeSpec> {

    @Override
    public Observation run(TcpProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        HostPort target = HostPort.parse(context.resolve(spec.target()));
        context.requireAllowed(target.host(), target.port());
        long start = System.nanoTime();
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) context.timeout().toMillis());
            return new Observation(null, null, null, Duration.ofNanos(System.nanoTime() - start), true, null, null, null);
        } catch (IOException e) {
            return Observation.failed(false, Duration.ofNanos(System.nanoTime() - start), Probe.describe(e, context.timeout()));
        }
    }
}
