package dev.runbook.smoke.parse;

import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.assertion.ExpectedValue;
import dev.runbook.smoke.assertion.Operator;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.kind.dns.DnsProbeSpec;
import dev.runbook.smoke.kind.http.HttpProbeSpec;
import dev.runbook.smoke.check.SmokeCheck;
import dev.runbook.smoke.kind.tcp.TcpProbeSpec;
import dev.runbook.smoke.kind.tls.TlsProbeSpec;
import dev.runbook.smoke.kind.websocket.WebSocketProbeSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeParserTest {

    private static SmokeCheck ok(String attributes, String body) {
        BlockParse p = SmokeFixture.parseOne(attributes, body);
        assertTrue(p.ok(), () -> "expected to parse, got " + p.errors());
        return p.check();
    }

    private static SmokeSyntaxError error(String attributes, String body) {
        BlockParse p = SmokeFixture.parseOne(attributes, body);
        assertFalse(p.ok(), "expected a syntax error");
        return p.errors().get(0);
    }

    @Test
    void curlWithCombinedFlagsAndAssertionsKeepsFileLines() {
        SmokeCheck c = ok("{name=\"API health\" timeout=5s retries=2}", """
                curl -fsS {{api}}/health
                expect status == 200
                expect json $.status == "ok"
                expect header Content-Type contains "json"
                expect time < 2s""");
        assertEquals("API health", c.name());
        assertEquals(Duration.ofSeconds(5), c.timeout());
        assertEquals(2, c.retries());
        assertEquals(3, c.line());
        HttpProbeSpec http = assertInstanceOf(HttpProbeSpec.class, c.probe());
        assertEquals("GET", http.method());
        assertEquals("{{api}}/health", http.url());
        assertTrue(http.failOnHttpError());
        assertFalse(http.followRedirects());
        assertEquals(4, http.line());
        assertEquals(4, c.assertions().size());
        assertEquals(5, c.assertions().get(0).line());
        assertEquals(Subject.JSON, c.assertions().get(1).subject());
        assertEquals("$.status", c.assertions().get(1).argument());
        assertEquals(new ExpectedValue.Text("ok", "\"ok\""), c.assertions().get(1).expected());
        assertEquals("header Content-Type contains \"json\"", c.assertions().get(2).toString());
        assertEquals(new ExpectedValue.Time(Duration.ofSeconds(2), "2s"), c.assertions().get(3).expected());
    }

    @Test
    void curlQuotingHeadersDataAndContinuationLines() {
        SmokeCheck c = ok("{write=true}", """
                curl -sS -L -X PUT -H 'Authorization: Bearer {{TOKEN}}' \\
                  --json "{\\"a\\": 1}" -m 3 --connect-timeout 0.5 {{api}}/items
                expect status == 204""");
        HttpProbeSpec http = (HttpProbeSpec) c.probe();
        assertEquals("PUT", http.method());
        assertTrue(http.followRedirects());
        assertEquals("{\"a\": 1}", http.body());
        assertEquals(Duration.ofSeconds(3), http.maxTime());
        assertEquals(Duration.ofMillis(500), http.connectTimeout());
        assertTrue(http.headers().contains(new HttpProbeSpec.Header("Authorization", "Bearer {{TOKEN}}")));
        assertTrue(http.headers().contains(new HttpProbeSpec.Header("Content-Type", "application/json")));
        assertEquals(6, c.assertions().get(0).line());
    }

    @Test
    void pipeIsRejectedWithItsColumn() {
        SmokeSyntaxError e = error("", "curl -s {{api}}/health | jq .status\nexpect status == 200");
        assertEquals(4, e.line());
        assertEquals(24, e.column());
        assertTrue(e.message().contains("'|'"), e.message());
        assertTrue(e.message().contains("pipe"), e.message());
    }

    @Test
    void commandSubstitutionBackticksAndListsAreRejected() {
        SmokeSyntaxError sub = error("", "curl -H \"X-Date: $(date)\" {{api}}/health");
        assertEquals(18, sub.column());
        assertTrue(sub.message().contains("$("), sub.message());
        SmokeSyntaxError tick = error("", "curl {{api}}/`whoami`");
        assertEquals(14, tick.column());
        assertTrue(tick.message().contains("`"));
        SmokeSyntaxError and = error("", "curl {{api}}/health && echo ok");
        assertTrue(and.message().contains("'&&'"), and.message());
        assertEquals(21, and.column());
        assertTrue(error("", "curl {{api}}/health; rm -rf /").message().contains("';'"));
        assertTrue(error("", "curl {{api}}/health > out.json").message().contains("'>'"));
        assertTrue(error("", "curl -d @secrets.txt {{api}}/x").message().contains("read a file"));
        SmokeSyntaxError var = error("", "curl -H \"Authorization: Bearer $TOKEN\" {{api}}/x");
        assertTrue(var.hint().contains("{{TOKEN}}"), var.hint());
    }

    @Test
    void quotedShellCharactersAreData() {
        SmokeCheck c = ok("", "curl '{{api}}/search?q=a|b&x=$(y)' \nexpect status == 200");
        assertEquals("{{api}}/search?q=a|b&x=$(y)", ((HttpProbeSpec) c.probe()).url());
    }

    @Test
    void unknownCurlFlagIsNamedWithItsColumn() {
        SmokeSyntaxError e = error("", "curl -fsS -o out.json {{api}}/health");
        assertEquals(11, e.column());
        assertTrue(e.message().contains("-o"), e.message());
        assertTrue(e.hint().contains("-X -H -d"), e.hint());
        assertTrue(error("", "curl -fsSo out {{api}}/x").message().contains("-o"));
        assertTrue(error("", "curl --output x {{api}}/x").message().contains("--output"));
    }

    @Test
    void writeMethodsNeedWriteTrue() {
        SmokeSyntaxError e = error("", "POST {{api}}/refunds\nContent-Type: application/json\n\n{\"amount\": 1}\nexpect status == 201");
        assertTrue(e.message().contains("POST changes state"), e.message());
        assertTrue(e.hint().contains("write=true"), e.hint());
        assertTrue(error("", "curl -d a=b {{api}}/x").message().contains("POST"));
        assertTrue(error("", "curl -X DELETE {{api}}/x").message().contains("DELETE"));
        SmokeCheck c = ok("{write=true}", "POST {{api}}/refunds\nContent-Type: application/json\n\n{\"amount\": 1}\nexpect status == 201");
        HttpProbeSpec http = (HttpProbeSpec) c.probe();
        assertEquals("{\"amount\": 1}", http.body());
        assertEquals(List.of(new HttpProbeSpec.Header("Content-Type", "application/json")), http.headers());
    }

    @Test
    void httpRequestLineWithHeadersAndNoBlankLine() {
        SmokeCheck c = ok("", "GET {{api}}/api/v1/search/health\nAccept: application/json\nexpect status == 200\nexpect json $.status == \"ok\"");
        HttpProbeSpec http = (HttpProbeSpec) c.probe();
        assertEquals(List.of(new HttpProbeSpec.Header("Accept", "application/json")), http.headers());
        assertNull(http.body());
        assertEquals(2, c.assertions().size());
    }

    @Test
    void otherProbeKinds() {
        assertInstanceOf(TcpProbeSpec.class, ok("", "tcp {{turn}}\nexpect connected == true").probe());
        assertInstanceOf(TlsProbeSpec.class, ok("", "tls edge.example.com:443\nexpect cert.days_left > 14").probe());
        DnsProbeSpec dns = assertInstanceOf(DnsProbeSpec.class, ok("", "dns api.example.com AAAA\nexpect connected == true").probe());
        assertEquals("AAAA", dns.type());
        WebSocketProbeSpec ws = assertInstanceOf(WebSocketProbeSpec.class,
                ok("", "{{collab}}/collab\nexpect connected == true\nsend {\"type\":\"ping\"}\nexpect message contains \"pong\"").probe());
        assertEquals(List.of("{\"type\":\"ping\"}"), ws.sends());
    }

    @Test
    void assertionErrorsPointAtTheWord() {
        SmokeSyntaxError op = error("", "curl {{api}}/x\nexpect status = 200");
        assertEquals(5, op.line());
        assertEquals(15, op.column());
        assertTrue(op.hint().contains("=="), op.hint());
        SmokeSyntaxError subject = error("", "curl {{api}}/x\nexpect code == 200");
        assertEquals(8, subject.column());
        SmokeSyntaxError value = error("", "curl {{api}}/x\nexpect json $.status == ok");
        assertEquals(25, value.column());
        assertTrue(value.hint().contains("\"ok\""), value.hint());
        assertTrue(error("", "curl {{api}}/x\nexpect body exists 3").message().contains("no value"));
        assertTrue(error("", "curl {{api}}/x\nexpect time < 2").message().contains("duration"));
        assertTrue(error("", "tcp h:1\nexpect status == 200").message().contains("does not apply to a tcp probe"));
        assertTrue(error("", "curl {{api}}/x\nexpect body matches \"[\"").message().contains("regular expression"));
        assertTrue(error("", "curl {{api}}/x\nstatus == 200").message().contains("expected an `expect` line"));
        assertEquals(Operator.EXISTS, ok("", "curl {{api}}/x\nexpect header ETag exists").assertions().get(0).operator());
    }

    @Test
    void attributesAreChecked() {
        assertTrue(error("{timeout=soon}", "tcp h:1").message().contains("timeout"));
        assertTrue(error("{retries=many}", "tcp h:1").message().contains("retries"));
        SmokeSyntaxError colour = error("{name=\"x\" colour=red}", "tcp h:1");
        assertTrue(colour.message().contains("colour"), colour.message());
        assertEquals(3, colour.line());
        assertEquals(20, colour.column());
        assertEquals(Duration.ofMillis(500), ok("{timeout=500ms}", "tcp h:1").timeout());
        assertTrue(error("", "ping example.com").message().contains("unknown probe"));
        assertTrue(error("", "get {{api}}/x").message().contains("upper case"));
    }

    /** The block's timeout uses the one grammar of dev.runbook.core.time: weeks and words too, zero never. */
    @Test
    void timeoutTakesEveryDurationForm() {
        assertEquals(Duration.ofDays(7), ok("{timeout=1w}", "tcp h:1").timeout());
        assertEquals(Duration.ofSeconds(90), ok("{timeout=\"90 seconds\"}", "tcp h:1").timeout());
        assertEquals(Duration.ofSeconds(3), ok("{timeout=3}", "tcp h:1").timeout());
        SmokeSyntaxError zero = error("{timeout=0s}", "tcp h:1");
        assertTrue(zero.message().contains("timeout '0s' is not a duration"), zero.message());
        SmokeSyntaxError soon = error("{timeout=soon}", "tcp h:1");
        assertTrue(soon.hint().contains("500ms, 10s, 5m (minutes), 2h, 1d, 2w"), soon.hint());
    }

    @Test
    void unknownProbeListsEveryKindsFirstLine() {
        assertEquals("the first line is the probe: curl …, GET|HEAD|POST|PUT|PATCH|DELETE <url>, tcp host:port, tls host:port, "
                + "ws(s)://…, dns name [type]", error("", "ping example.com").hint());
    }

    @Test
    void everyDemoRunbookSmokeBlockParses() throws Exception {
        var content = new ContentLoader().load(Path.of("..", "content"));
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Runbook r : content.runbooks()) {
            for (BlockParse p : SmokeParser.parse(r)) {
                blocks++;
                p.errors().forEach(e -> problems.add(r.relativePath() + ":" + e.line() + ":" + e.column() + " " + e.message()));
            }
        }
        assertTrue(blocks >= 6, "demo content has smoke blocks: " + blocks);
        assertEquals(List.of(), problems);
    }

    @Test
    void fingerprintIgnoresPositionButNotContent() {
        Runbook a = SmokeFixture.runbook("a.md", "# A\n\n```smoke {name=\"x\"}\ntcp h:1\n```\n");
        Runbook moved = SmokeFixture.runbook("a.md", "# A\n\nIntro.\n\nMore.\n\n```smoke {name=\"x\"}\ntcp h:1\n```\n");
        Runbook edited = SmokeFixture.runbook("a.md", "# A\n\n```smoke {name=\"x\"}\ntcp h:2\n```\n");
        String fa = SmokeParser.fingerprint(a.smokeBlocks().get(0));
        assertEquals(fa, SmokeParser.fingerprint(moved.smokeBlocks().get(0)));
        assertFalse(fa.equals(SmokeParser.fingerprint(edited.smokeBlocks().get(0))));
    }
}
