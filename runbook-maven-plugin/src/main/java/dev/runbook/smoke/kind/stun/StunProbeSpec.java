package dev.runbook.smoke.kind.stun;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.Subject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** {@code stun host:port [udp|tcp]}: one binding request; {@code mapped_address} is where the server saw us. */
public record StunProbeSpec(int line, String target, StunClient.Transport transport) implements ProbeSpec {

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        HostPort server = HostPort.parse(context.resolve(target));
        context.requireAllowed(server.host(), server.port());
        long start = System.nanoTime();
        try (StunClient client = new StunClient(new InetSocketAddress(server.host(), server.port()), transport, context.timeout())) {
            StunClient.Binding binding = client.binding();
            return Observation.answered(binding.time(), Map.of(Subject.MAPPED_ADDRESS, text(binding.mappedAddress())));
        } catch (IOException e) {
            return failed(e, start, context.timeout());
        }
    }

    static Observation failed(IOException e, long start, Duration timeout) {
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (e instanceof StunClient.ErrorResponseException) {
            return Observation.failed(true, time, e.getMessage());
        }
        return Observation.failed(false, time, Probe.describe(e, timeout));
    }

    /** {@code 203.0.113.5:41234} or {@code [2001:db8::5]:41234}; null when the server sent none. */
    public static String text(InetSocketAddress a) {
        if (a == null) {
            return null;
        }
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
