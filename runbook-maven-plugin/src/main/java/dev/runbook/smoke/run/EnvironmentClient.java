package dev.runbook.smoke.run;

import dev.runbook.core.SetupException;
import dev.runbook.smoke.env.Environment;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

import java.io.IOException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTTP client and trust store of an environment. The environment's extra certificates are trusted
 * here only, never process-wide. No proxy is used (a proxy would be a host outside the allowlist), and the
 * client's resolver refuses names outside the allowlist as a second line behind the probes' own checks.
 */
public final class EnvironmentClient implements AutoCloseable {

    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", Pattern.DOTALL);

    private final HandshakeCertificates trust;
    private final OkHttpClient http;

    public EnvironmentClient(Environment environment) throws SetupException {
        HandshakeCertificates.Builder builder = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
        for (Path file : environment.trustFiles()) {
            for (X509Certificate certificate : readPem(file, environment.name())) {
                builder.addTrustedCertificate(certificate);
            }
        }
        this.trust = builder.build();
        Dns allowlistedDns = hostname -> {
            if (!environment.allowedHosts().allowsHost(hostname)) {
                throw new UnknownHostException(hostname + " is not in the allowed_hosts of environment " + environment.name());
            }
            return Dns.SYSTEM.lookup(hostname);
        };
        this.http = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .dns(allowlistedDns)
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false) // reads opt in per request (HttpProbe); writes never retry silently
                .build();
    }

    private static java.util.List<X509Certificate> readPem(Path file, String environment) throws SetupException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            java.util.List<X509Certificate> out = new java.util.ArrayList<>();
            Matcher m = PEM.matcher(text);
            while (m.find()) {
                out.add(Certificates.decodeCertificatePem(m.group()));
            }
            if (out.isEmpty()) {
                throw new SetupException("trust file " + file + " of environment " + environment + " holds no PEM certificate");
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new SetupException("cannot read trust file " + file + " of environment " + environment + ": " + e.getMessage(), e);
        }
    }

    public HandshakeCertificates trust() {
        return trust;
    }

    public OkHttpClient http() {
        return http;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
