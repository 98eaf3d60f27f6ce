package dev.runbook.demo.standin;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import javax.net.ssl.SSLServerSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A throw-away CA and a 90-day server certificate for 127.0.0.1, made fresh on every start; the CA's PEM
 * is what the demo environment lists under {@code trust}.
 */
final class DemoCertificates {

    static final Duration VALIDITY = Duration.ofDays(90);

    private final HeldCertificate ca;
    private final HandshakeCertificates server;

    private DemoCertificates(HeldCertificate ca, HandshakeCertificates server) {
        this.ca = ca;
        this.server = server;
    }

    static DemoCertificates create() {
        HeldCertificate ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("runbook demo stand-in CA")
                .duration(VALIDITY.toDays() + 1, java.util.concurrent.TimeUnit.DAYS)
                .build();
        long now = System.currentTimeMillis();
        HeldCertificate leaf = new HeldCertificate.Builder()
                .commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                // A minute of slack for clock skew, then exactly the advertised lifetime.
                .validityInterval(now - 60_000, now + VALIDITY.toMillis())
                .signedBy(ca)
                .build();
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(leaf, ca.certificate()).build();
        return new DemoCertificates(ca, server);
    }

    void writeCaPem(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, ca.certificatePem(), StandardCharsets.US_ASCII);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A client that trusts only this CA, for the self-check. */
    javax.net.ssl.SSLSocketFactory trustingClient() {
        return new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build().sslSocketFactory();
    }

    SSLServerSocketFactory serverSocketFactory() {
        return server.sslContext().getServerSocketFactory();
    }
}
