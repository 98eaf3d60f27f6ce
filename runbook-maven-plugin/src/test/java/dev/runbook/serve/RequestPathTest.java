package dev.runbook.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestPathTest {

    @Test
    void decodesOrdinaryPaths() {
        assertEquals(Optional.of(""), RequestPath.relative("/"));
        assertEquals(Optional.of("svc/page one.html"), RequestPath.relative("/svc/page%20one.html"));
        assertEquals(Optional.of("svc/café.html"), RequestPath.relative("/svc/caf%C3%A9.html"));
        assertEquals(Optional.of("assets/site.css"), RequestPath.relative("//assets//site.css"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/a/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
            "/.%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/assets/..%2F..%2Fsecret.txt",
            "/..%5csecret.txt", "/..\\secret.txt", "/%00secret", "/a%0d%0aSet-Cookie:x", "/./index.html",
            "/C:/windows", "/%c0%ae%c0%ae/secret.txt", "/%zz", "/%2", "relative", ""})
    void refusesTraversalAndOddEncodings(String raw) {
        assertEquals(Optional.empty(), RequestPath.relative(raw), raw);
    }

    @Test
    void doubleEncodingStaysALiteralName() {
        // %252e%252e decodes once to the name "%2e%2e", a file that does not exist, never to "..".
        assertEquals(Optional.of("%2e%2e/secret.txt"), RequestPath.relative("/%252e%252e/secret.txt"));
    }
}
