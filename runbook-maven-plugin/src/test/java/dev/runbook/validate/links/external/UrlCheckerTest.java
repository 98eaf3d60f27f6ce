package dev.runbook.validate.links.external;

import dev.runbook.validate.LinkCheckSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlCheckerTest {

    @TempDir
    Path temp;

    private static final LinkCheckSettings SETTINGS = LinkCheckSettings.defaults().withCheckPrivate(true)
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30)); // far above a loaded machine's TLS handshake

    private static UrlChecker checker(OkHttpClient client) {
        return new UrlChecker(client, new HostRateLimiter(2, Duration.ZERO), SETTINGS);
    }

    @Test
    void untrustedCertificateIsABrokenLinkNamingTls() throws Exception {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress()).build();
        HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverCertificates.sslSocketFactory());
            server.enqueue(new MockResponse.Builder().code(200).build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            String url = server.url("/secure").toString();
            CheckResult result = checker(UrlChecker.newClient(SETTINGS)).check(url);
            assertEquals(CheckResult.Outcome.BROKEN, result.outcome(), result.toString());
            assertTrue(result.detail().startsWith("TLS failure"), result.detail());
        }
    }

    @Test
    void unknownHostIsABrokenLinkNamingDns() {
        OkHttpClient client = UrlChecker.newClient(SETTINGS).newBuilder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        CheckResult result = checker(client).check("https://no-such-host.runbook.dev/x");
        assertEquals(CheckResult.Outcome.BROKEN, result.outcome());
        assertEquals("host no-such-host.runbook.dev not found (DNS)", result.detail());
    }

    @Test
    void notAUrlIsBroken() {
        assertEquals(CheckResult.Outcome.BROKEN, checker(UrlChecker.newClient(SETTINGS)).check("https://").outcome());
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndRewritten() throws Exception {
        Path file = temp.resolve("link-cache.json");
        Files.writeString(file, "{ not json");
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        LinkCache cache = LinkCache.load(file, Duration.ofDays(1), clock);
        assertTrue(cache.lookup("https://a.org/").isEmpty());
        cache.record(CheckResult.ok("https://a.org/", "https://b.org/"));
        cache.record(CheckResult.broken("https://c.org/", "answered 404"));
        cache.save();
        LinkCache again = LinkCache.load(file, Duration.ofDays(1), clock);
        assertEquals("https://b.org/", again.lookup("https://a.org/").orElseThrow().movedTo());
        assertTrue(again.lookup("https://c.org/").isEmpty());
    }

    @Test
    void aPublicLookingNameThatResolvesOnlyToPrivateAddressesIsSkipped() throws Exception {
        LinkCheckSettings publicOnly = SETTINGS.withCheckPrivate(false);
        OkHttpClient client = UrlChecker.newClient(publicOnly).newBuilder()
                .dns(new PublicOnlyDns(host -> java.util.List.of(InetAddress.getLoopbackAddress(),
                        InetAddress.getByAddress(new byte[] {10, 0, 0, 7})))).build();
        CheckResult result = new UrlChecker(client, new HostRateLimiter(2, Duration.ZERO), publicOnly)
                .check("https://grafana.corp.com/d/api");
        assertEquals(CheckResult.Outcome.SKIPPED, result.outcome());
        assertEquals("grafana.corp.com resolves only to private addresses", result.detail());
    }
}
