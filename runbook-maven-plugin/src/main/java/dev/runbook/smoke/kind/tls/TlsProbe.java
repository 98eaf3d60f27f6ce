package dev.runbook.smoke.kind.tls;

import dev.runbook.smoke.probe.HostPort;
import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * A TLS handshake verified against the platform's and the environment's trusted certificates, with host
 * name checking; reports the days until the leaf certificate expires.
 */
public final class TlsProbe implements Probe<TlsProbeSpec> {

    @Override
    public Observation run(TlsProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        HostPort target = HostPort.parse(context.resolve(spec.target()));
        context.requireAllowed(target.host(), target.port());
        int timeoutMs = (int) context.timeout().toMillis();
        long start = System.nanoTime();
        try (Socket plain = new Socket(Proxy.NO_PROXY)) {
            plain.connect(new InetSocketAddress(target.host(), target.port()), timeoutMs);
            plain.setSoTimeout(timeoutMs);
            try (SSLSocket tls = (SSLSocket) context.trust().sslSocketFactory().createSocket(plain, target.host(), target.port(), true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                Certificate[] chain = tls.getSession().getPeerCertificates();
                X509Certificate leaf = (X509Certificate) chain[0];
                Instant notAfter = leaf.getNotAfter().toInstant();
                long daysLeft = Math.floorDiv(Duration.between(context.clock().instant(), notAfter).toSeconds(), 86_400L);
                return new Observation(null, null, null, Duration.ofNanos(System.nanoTime() - start), true, daysLeft, null, null);
            }
        } catch (IOException e) {
            return Observation.failed(false, Duration.ofNanos(System.nanoTime() - start), Probe.describe(e, context.timeout()));
        }
    }
}
