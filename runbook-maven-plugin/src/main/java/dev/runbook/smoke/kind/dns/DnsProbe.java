package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Resolves A or AAAA records through the system resolver; {@code body} is the addresses, one per line.
 * Only names in the allowlist are looked up, because a query for a name tells its DNS servers about it.
 */
public final class DnsProbe implements Probe<DnsProbeSpec> {

    @Override
    public Observation run(DnsProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        String name = context.resolve(spec.name());
        if (!context.environment().allowedHosts().allowsHost(name)) {
            throw new ProbeRefusedException("host " + name + " is not in the allowed_hosts of environment "
                    + context.environment().name() + " (no DNS query was made)");
        }
        Class<? extends InetAddress> family = switch (spec.type()) {
            case "A" -> Inet4Address.class;
            case "AAAA" -> Inet6Address.class;
            default -> throw new ProbeRefusedException("dns record type " + spec.type()
                    + " is not supported yet: the system resolver answers only A and AAAA");
        };
        long start = System.nanoTime();
        try {
            String addresses = Arrays.stream(InetAddress.getAllByName(name)).filter(family::isInstance)
                    .map(InetAddress::getHostAddress).collect(Collectors.joining("\n"));
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (addresses.isEmpty()) {
                return new Observation(null, null, "", time, false, null, null, "no " + spec.type() + " record for " + name);
            }
            return new Observation(null, null, addresses, time, true, null, null, null);
        } catch (UnknownHostException e) {
            return Observation.failed(false, Duration.ofNanos(System.nanoTime() - start), "no " + spec.type() + " record for " + name);
        }
    }
}
