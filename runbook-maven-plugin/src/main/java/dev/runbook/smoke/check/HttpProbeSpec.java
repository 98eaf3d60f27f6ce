package dev.runbook.smoke.check;

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

    public record Header(String name, String value) {
    }

    public HttpProbeSpec {
        headers = List.copyOf(headers);
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
