package dev.runbook.validate.links.external;

import dev.runbook.validate.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small parts of the external link checker, each on its own. */
class PartsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryPolicy.parseRetryAfter("7", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryPolicy.parseRetryAfter("Sun, 22 Nov 2026 10:00:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("soon", NOW));
    }

    @Test
    void retryPolicyBacksOffExponentiallyWithACapAndBoundedAttempts() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.waitBefore(2, 503, null, NOW));
        assertEquals(Optional.of(Duration.ofSeconds(2)), policy.waitBefore(3, 503, null, NOW));
        assertEquals(Optional.of(Duration.ofSeconds(3)), policy.waitBefore(4, 429, null, NOW));
        assertEquals(Optional.empty(), policy.waitBefore(5, 429, null, NOW), "attempts are bounded");
        assertEquals(Optional.empty(), policy.waitBefore(2, 404, null, NOW), "only 429/503 are retried");
        assertEquals(Optional.of(Duration.ofSeconds(2)), policy.waitBefore(2, 429, "2", NOW));
        assertEquals(Optional.empty(), policy.waitBefore(2, 429, "3600", NOW), "a wait over the cap is not waited for");
    }

    @Test
    void hostFilterSkipsPrivateAndExampleHostsUnlessAsked() {
        HostFilter filter = new HostFilter(false);
        for (String host : new String[] {"localhost", "api.localhost", "127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4",
                "169.254.169.254", "[::1]", "fd00::1", "0.0.0.0", "example.com", "docs.example.org", "example.net",
                "api.staging.example", "x.test", "printer.local"}) {
            assertTrue(filter.skipReason(host).isPresent(), host);
        }
        for (String host : new String[] {"github.com", "8.8.8.8", "examples.com", "172.32.0.1"}) {
            assertTrue(filter.skipReason(host).isEmpty(), host);
        }
        assertTrue(new HostFilter(true).skipReason("127.0.0.1").isEmpty());
    }

    @Test
    void extractorGroupsUrlsWithoutTheirFragment() {
        assertEquals("https://a.org/x", UrlExtractor.withoutFragment("https://a.org/x#y"));
        assertEquals("https://a.org/x?q=1", UrlExtractor.withoutFragment("https://a.org/x?q=1"));
    }
}
