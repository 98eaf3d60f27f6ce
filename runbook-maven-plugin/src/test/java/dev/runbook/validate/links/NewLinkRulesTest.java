package dev.runbook.validate.links;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue #20: links that go nowhere and no other rule looked at: empty, misspelt scheme, protocol-relative. */
class NewLinkRulesTest {

    @TempDir
    Path temp;

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.line() + ":" + f.column() + " "
                + f.message() + " | " + f.hint()).toList();
    }

    @Test
    void anEmptyDestinationIsAWarning() {
        Fixture f = new Fixture(temp).file("ops/page.md", """
                # Page

                Open [Grafana]() or [Kibana](<>).
                Fine: [top](#top) and [home](../index.md).
                """).file("index.md", "# Home\n");
        List<Finding> findings = f.run(new EmptyLinkRule(), new FileLinkRule());
        assertEquals(2, findings.size(), lines(findings).toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("link.empty", findings.get(0).ruleId());
        assertEquals(3, findings.get(0).line());
        assertEquals("link [Grafana] has no destination; it goes nowhere", findings.get(0).message());
        assertEquals("link [Kibana] has no destination; it goes nowhere", findings.get(1).message());
    }

    @Test
    void misspeltAndUnknownSchemesAreErrorsWithWhatWasMeant() {
        Fixture f = new Fixture(temp).file("page.md", """
                [a](hhttps://grafana.example.com/d/1)
                [b](ttps://grafana.example.com/d/1)
                [c](htps://grafana.example.com/d/1)
                [d](http//grafana.example.com/d/1)
                [e](https:/grafana.example.com/d/1)
                [f](localhost:3000/d/1)
                [g](grafna:dashboard)
                Fine: [h](https://example.com) [i](mailto:a@b.c) [j](slack://channel?id=1) [k](tel:+123)
                """);
        List<Finding> findings = f.run(new LinkSchemeRule(), new FileLinkRule());
        assertEquals(List.of(
                "link.scheme ERROR 1:5 link 'hhttps://grafana.example.com/d/1': unknown scheme 'hhttps:'; did you mean https? | write https://grafana.example.com/d/1",
                "link.scheme ERROR 2:5 link 'ttps://grafana.example.com/d/1': unknown scheme 'ttps:'; did you mean https? | write https://grafana.example.com/d/1",
                "link.scheme ERROR 3:5 link 'htps://grafana.example.com/d/1': unknown scheme 'htps:'; did you mean https? | write https://grafana.example.com/d/1",
                "link.scheme ERROR 4:5 link 'http//grafana.example.com/d/1': 'http//' has no colon, so this is read as a path inside the content folder | write http://grafana.example.com/d/1",
                "link.scheme ERROR 5:5 link 'https:/grafana.example.com/d/1': 'https:' needs two slashes before the host | write https://grafana.example.com/d/1",
                "link.scheme ERROR 6:5 link 'localhost:3000/d/1': 'localhost:3000' is read as a scheme, not a host and port | write http://localhost:3000/d/1",
                "link.scheme ERROR 7:5 link 'grafna:dashboard': unknown scheme 'grafna:'; no browser opens this link | use an https:// address, or a path to a file in the content folder"),
                lines(findings), "http//host is link.scheme's, not also a missing file for link.file");
    }

    @Test
    void aProtocolRelativeLinkIsAWarning() {
        Fixture f = new Fixture(temp).file("page.md", "See [dash](//grafana.example.com/d/api) and [root](/index.md).\n")
                .file("index.md", "# Home\n");
        List<Finding> findings = f.run(new ProtocolRelativeLinkRule(), new FileLinkRule());
        assertEquals(List.of("link.protocol-relative WARNING 1:12 link '//grafana.example.com/d/api' has no scheme; opened from"
                + " file:// it becomes file://grafana.example.com/d/api and goes nowhere | write https://grafana.example.com/d/api"),
                lines(findings));
    }
}
