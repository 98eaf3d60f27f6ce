package dev.runbook.smoke.kind.dns;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.servers.DnsResponder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `dns` smoke blocks with record types and rcode against a real DNS listener on loopback. */
class DnsChecksTest {

    static DnsResponder dns;

    @TempDir
    Path dir;

    private final SmokeFixture fixture = new SmokeFixture();

    @BeforeAll
    static void start() throws Exception {
        dns = new DnsResponder(
                "www.example.test. 60 IN CNAME api.example.test.",
                "example.test. 60 IN MX 10 mail.example.test.",
                "example.test. 60 IN TXT \"v=spf1 -all\"",
                "example.test. 60 IN NS ns1.example.test.",
                "_sip._tcp.example.test. 60 IN SRV 0 5 5060 sip.example.test.");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private Environment env(String allowed) throws Exception {
        return SmokeFixture.environment(dir, "test:\n  variables: { ns: \"127.0.0.1:" + dns.address().getPort() + "\" }\n  allowed_hosts: "
                + allowed + "\n", Map.of());
    }

    @Test
    void eachTypeAndTheResponseCode() throws Exception {
        Environment e = env("[\"*.example.test\", \"example.test\", \"127.0.0.1\"]");
        String[][] cases = {
                {"dns www.example.test CNAME @{{ns}}", "expect body == \"api.example.test\""},
                {"dns example.test MX @{{ns}}", "expect body == \"10 mail.example.test\""},
                {"dns example.test TXT @{{ns}}", "expect body contains \"v=spf1\""},
                {"dns example.test NS @{{ns}}", "expect body endsWith \"ns1.example.test\""},
                {"dns _sip._tcp.example.test SRV @{{ns}}", "expect body == \"0 5 5060 sip.example.test\""},
                {"dns missing.example.test A @{{ns}}", "expect rcode == \"NXDOMAIN\""},
                {"dns example.test MX @{{ns}}", "expect rcode == \"NOERROR\"\nexpect rcode not == \"SERVFAIL\""},
        };
        for (String[] c : cases) {
            CheckResult r = fixture.runOne(e, "", c[0] + "\n" + c[1]);
            assertEquals(Outcome.PASS, r.outcome(), c[0] + ": " + r.message());
        }
        CheckResult fail = fixture.runOne(e, "", "dns missing.example.test CNAME @{{ns}}\nexpect rcode == \"NOERROR\"");
        assertEquals(Outcome.FAIL, fail.outcome());
        assertEquals("rcode (\"NXDOMAIN\") == \"NOERROR\"", fail.message());
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        CheckResult r = fixture.runOne(env("[\"*.silent\", \"127.0.0.1\"]"), "{timeout=400ms}", "dns x.silent TXT @{{ns}}\nexpect rcode == \"NOERROR\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertTrue(r.message().startsWith("no response within 400ms (timeout)"), r.message());
    }

    @Test
    void neitherTheNameNorTheServerMayBeOutsideTheAllowlist() throws Exception {
        int before = dns.packets.get();
        CheckResult nameRefused = fixture.runOne(env("[\"127.0.0.1\"]"), "", "dns internal.example.test TXT @{{ns}}\nexpect rcode == \"NOERROR\"");
        assertEquals(Outcome.ERROR, nameRefused.outcome());
        assertTrue(nameRefused.message().contains("(no DNS query was made)"), nameRefused.message());
        CheckResult serverRefused = fixture.runOne(env("[\"example.test\"]"), "", "dns example.test TXT @{{ns}}\nexpect rcode == \"NOERROR\"");
        assertEquals(Outcome.ERROR, serverRefused.outcome());
        assertTrue(serverRefused.message().contains("(nothing was sent)"), serverRefused.message());
        assertEquals(before, dns.packets.get(), "no packet reached the DNS listener");
    }

    @Test
    void unknownTypesAreSyntaxErrors() {
        assertFalse(SmokeFixture.parseOne("", "dns example.test PTR").errors().isEmpty());
        assertTrue(SmokeFixture.parseOne("", "dns example.test SRV @10.0.0.2").errors().isEmpty());
    }
}
