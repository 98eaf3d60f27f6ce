package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.servers.DnsResponder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record type against a real DNS listener on loopback. */
class DnsQueryTest {

    static DnsResponder dns;

    @BeforeAll
    static void start() throws Exception {
        dns = new DnsResponder(
                "api.example.test. 60 IN A 10.0.0.7",
                "api.example.test. 60 IN AAAA fd00::7",
                "www.example.test. 60 IN CNAME api.example.test.",
                "example.test. 60 IN MX 10 mail.example.test.",
                "example.test. 60 IN MX 20 backup-mail.example.test.",
                "example.test. 60 IN TXT \"v=spf1 -all\"",
                "example.test. 60 IN NS ns1.example.test.",
                "_sip._tcp.example.test. 60 IN SRV 0 5 5060 sip.example.test.");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static DnsQuery.Result ask(String name, String type) throws IOException {
        return DnsQuery.run(name, type, dns.address(), Duration.ofSeconds(5));
    }

    @Test
    void eachTypeAnswersAsDigShortDoes() throws Exception {
        assertEquals(List.of("10.0.0.7"), ask("api.example.test", "A").records());
        assertEquals(List.of("fd00:0:0:0:0:0:0:7"), ask("api.example.test", "AAAA").records());
        assertEquals(List.of("api.example.test"), ask("www.example.test", "CNAME").records());
        assertEquals(List.of("10 mail.example.test", "20 backup-mail.example.test"), ask("example.test", "MX").records());
        assertEquals(List.of("v=spf1 -all"), ask("example.test", "TXT").records());
        assertEquals(List.of("ns1.example.test"), ask("example.test", "NS").records());
        assertEquals(List.of("0 5 5060 sip.example.test"), ask("_sip._tcp.example.test", "SRV").records());
        assertEquals("NOERROR", ask("api.example.test", "A").rcode());
    }

    @Test
    void responseCodesAreReportedNotThrown() throws Exception {
        DnsQuery.Result missing = ask("nope.example.test", "A");
        assertEquals("NXDOMAIN", missing.rcode());
        assertTrue(missing.records().isEmpty());
        assertEquals("SERVFAIL", ask("broken.servfail", "A").rcode());
        assertEquals("NOERROR", ask("example.test", "A").rcode(), "a name without that type: NOERROR, no records");
    }

    @Test
    void aSilentServerTimesOut() {
        long start = System.nanoTime();
        assertThrows(IOException.class, () -> DnsQuery.run("x.silent", "A", dns.address(), Duration.ofMillis(400)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void unsupportedTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ask("example.test", "PTR"));
    }
}
