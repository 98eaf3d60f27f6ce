package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.Subject;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks a name up; {@code body} is the records one per line as {@code dig +short} prints them, {@code rcode}
 * the response code. A and AAAA without {@code @server} go through the system resolver (so /etc/hosts
 * counts, as for every other probe); there the JDK reports only found (NOERROR) or not (NXDOMAIN). Other
 * types, and any type with {@code @server}, ask with dnsjava and report the server's own response code.
 * Only names in the allowlist are looked up (a query tells the DNS servers about the name), and an
 * explicit server must be in the allowlist too.
 */
public final class DnsProbe implements Probe<DnsProbeSpec> {

    @Override
    public Observation run(DnsProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        String name = context.resolve(spec.name());
        if (!context.environment().allowedHosts().allowsHost(name)) {
            throw new ProbeRefusedException("host " + name + " is not in the allowed_hosts of environment "
                    + context.environment().name() + " (no DNS query was made)");
        }
        InetSocketAddress server = null;
        if (spec.server() != null) {
            String written = context.resolve(spec.server());
            HostPort hp = HostPort.parse(written.contains(":") && !written.startsWith("[") || written.contains("]:") ? written : written + ":53");
            context.requireAllowed(hp.host(), hp.port());
            server = new InetSocketAddress(hp.host(), hp.port());
        }
        long start = System.nanoTime();
        if (server == null && (spec.type().equals("A") || spec.type().equals("AAAA"))) {
            return systemResolver(name, spec.type(), start);
        }
        try {
            DnsQuery.Result r = DnsQuery.run(name, spec.type(), server, context.timeout());
            Map<Subject, Object> values = new HashMap<>();
            values.put(Subject.RCODE, r.rcode());
            String body = String.join("\n", r.records());
            // An empty answer or NXDOMAIN is an answer, not a failure: `expect rcode == NXDOMAIN` may be the point.
            return new Observation(null, null, body, r.time(), true, null, null, null, values);
        } catch (IllegalArgumentException e) {
            throw new ProbeRefusedException(e.getMessage());
        } catch (IOException e) {
            return Observation.failed(false, Duration.ofNanos(System.nanoTime() - start), Probe.describe(e, context.timeout()));
        }
    }

    private static Observation systemResolver(String name, String type, long start) {
        Class<? extends InetAddress> family = type.equals("A") ? Inet4Address.class : Inet6Address.class;
        try {
            String addresses = Arrays.stream(InetAddress.getAllByName(name)).filter(family::isInstance)
                    .map(InetAddress::getHostAddress).collect(Collectors.joining("\n"));
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (addresses.isEmpty()) {
                return new Observation(null, null, "", time, false, null, null, "no " + type + " record for " + name,
                        Map.of(Subject.RCODE, "NOERROR"));
            }
            return new Observation(null, null, addresses, time, true, null, null, null, Map.of(Subject.RCODE, "NOERROR"));
        } catch (UnknownHostException e) {
            return new Observation(null, null, null, Duration.ofNanos(System.nanoTime() - start), false, null, null,
                    "no " + type + " record for " + name, Map.of(Subject.RCODE, "NXDOMAIN"));
        }
    }
}
