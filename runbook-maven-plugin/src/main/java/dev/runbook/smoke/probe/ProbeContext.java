package dev.runbook.smoke.probe;

import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.env.Placeholders;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

import java.time.Clock;
import java.time.Duration;

/**
 * What one probe run may use: the environment (placeholders, allowlist), the environment's HTTP client and
 * trust, the block's timeout, and the clock (for certificate ages).
 */
public record ProbeContext(Environment environment, OkHttpClient http, HandshakeCertificates trust, Duration timeout, Clock clock) {

    /**
     * The run's redactor. A probe that learns a secret value while it runs (a captured value, a credential
     * pair built from a secret) calls {@code redactor().register(value)} so that no output shows it.
     */
    public dev.runbook.secrets.Redactor redactor() {
        return environment.redactor();
    }

    public String resolve(String template) throws ProbeRefusedException {
        try {
            return environment.placeholders().resolve(template);
        } catch (Placeholders.UnresolvedException e) {
            throw new ProbeRefusedException(e.getMessage());
        }
    }

    /** Refuses before any packet when the host is outside the environment's allowlist. */
    public void requireAllowed(String host, int port) throws ProbeRefusedException {
        if (!environment.allowedHosts().allows(host, port)) {
            throw new ProbeRefusedException("host " + host + (port > 0 ? " (port " + port + ")" : "")
                    + " is not in the allowed_hosts of environment " + environment.name() + " (nothing was sent)");
        }
    }
}
