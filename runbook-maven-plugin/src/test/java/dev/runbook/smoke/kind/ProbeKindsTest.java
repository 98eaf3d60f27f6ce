package dev.runbook.smoke.kind;

import dev.runbook.smoke.probe.ProbeKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbeKindsTest {

    @Test
    void everyKindHasItsOwnKeyword() {
        List<String> keywords = ProbeKinds.all().stream().map(ProbeKind::keyword).toList();
        assertEquals(List.of("http", "tcp", "tls", "websocket", "dns"), keywords);
        assertEquals(keywords.size(), Set.copyOf(keywords).size());
    }

    /** The parser takes the first kind that claims a line; two claiming one line would make the order matter. */
    @Test
    void eachDocumentedFirstLineIsClaimedByExactlyOneKind() {
        for (String line : List.of("curl -fsS {{api}}/health", "GET https://a.test/", "DELETE {{api}}/x", "tcp db:5432",
                "tls edge:443", "ws://a.test/socket", "wss://a.test/socket", "{{socket}}", "dns api.test AAAA")) {
            Set<String> claiming = ProbeKinds.all().stream().filter(kind -> kind.claims(line)).map(ProbeKind::keyword)
                    .collect(Collectors.toSet());
            assertEquals(1, claiming.size(), line + " is claimed by " + claiming);
        }
        for (String line : List.of("get https://a.test/", "https://a.test/", "ping a.test", "{{a}} {{b}}")) {
            assertEquals(List.of(), ProbeKinds.all().stream().filter(kind -> kind.claims(line)).toList(), line);
        }
    }
}
