package dev.runbook.smoke.kind.http;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;

import java.time.Duration;
import java.util.List;

/**
 * An HTTP request, from either {@code curl …} or {@code GET <url>} plus header and body lines.
 *
 * @param basicAuth      {@code user:password} from curl {@code -u}, or null
 * @param failOnHttpError curl {@code -f}: a status of 400 or more fails unless an explicit status assertion says otherwise
 * @param maxTime        curl {@code -m}, or null
 * @param connectTimeout curl {@code --connect-timeout}, or null
 */
public record HttpProbeSpec(int line, String method, String url, List<Header> headers, String body,
                            boolean followRedirects, boolean insecure, boolean failOnHttpError,
                            Duration maxTime, Duration connectTimeout, String basicAuth) implements ProbeSpec {

    /** A bare request proves the service answers without an error: 4xx and 5xx fail. */
    @Override
    public String impliedExpectation() {
        return "status < 400";
    }

    public record Header(String name, String value) {
    }

    public HttpProbeSpec {
        headers = List.copyOf(headers);
    }

    /** Whether the method changes state on the server (needs {@code write=true}). */
    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    @Override
    public String writeOperation() {
        return writes() ? method : null;
    }

    @Override
    public Integer implicitMaxStatus() {
        return failOnHttpError ? 400 : null;
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        return new HttpProbe().run(this, context);
    }
}
