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
import java.util.HashMap;
import java.util.Map;

/**
 * {@code turn host:port [udp|tcp] user=… password=…}: a TURN allocation with long-term credentials, released
 * at once; {@code relayed_address} is the relay the server allocated.
 */
public record TurnProbeSpec(int line, String target, StunClient.Transport transport, String user, String password) implements ProbeSpec {

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        HostPort server = HostPort.parse(context.resolve(target));
        String resolvedUser = context.resolve(user);
        String resolvedPassword = context.resolve(password);
        context.requireAllowed(server.host(), server.port());
        long start = System.nanoTime();
        try (StunClient client = new StunClient(new InetSocketAddress(server.host(), server.port()), transport, context.timeout())) {
            StunClient.Allocation a = client.allocate(resolvedUser, resolvedPassword);
            Map<Subject, Object> values = new HashMap<>();
            if (a.relayedAddress() != null) {
                values.put(Subject.RELAYED_ADDRESS, StunProbeSpec.text(a.relayedAddress()));
            }
            if (a.mappedAddress() != null) {
                values.put(Subject.MAPPED_ADDRESS, StunProbeSpec.text(a.mappedAddress()));
            }
            return Observation.answered(a.time(), values);
        } catch (IOException e) {
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (e instanceof StunClient.ErrorResponseException) {
                return Observation.failed(true, time, e.getMessage());
            }
            return Observation.failed(false, time, Probe.describe(e, context.timeout()));
        }
    }
}
