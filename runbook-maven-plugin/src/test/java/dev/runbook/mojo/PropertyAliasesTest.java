package dev.runbook.mojo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PropertyAliasesTest {

    private final List<String> warnings = new ArrayList<>();

    private PropertyAliases with(Map<String, String> properties) {
        return new PropertyAliases(properties::get, warnings::add);
    }

    @Test
    void theOldNameIsReadWhenOnlyItIsGivenAndSaysWhichNameReplacedIt() {
        assertEquals("/b.json", with(Map.of("runbook.baseline", "/b.json")).value("runbook.validate.baseline", null, null));
        assertEquals(List.of("runbook: the property runbook.baseline is deprecated; use runbook.validate.baseline"
                + " (read this time as runbook.validate.baseline=/b.json)"), warnings);
    }

    @Test
    void theNewNameOrThePomWinsOverTheOldNameWithoutAWarning() {
        assertEquals("warning", with(Map.of("runbook.failOn", "none", "runbook.validate.failOn", "warning"))
                .value("runbook.validate.failOn", "warning", "error"));
        assertEquals("warning", with(Map.of("runbook.failOn", "none")).value("runbook.validate.failOn", "warning", "error"),
                "a POM <failOn>warning</failOn> is not overridden by the old property");
        assertEquals("error", with(Map.of()).value("runbook.validate.failOn", "error", "error"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMapPropertyAddsToThePomsMapAndWinsPerKey() {
        assertEquals(Map.of("link.external", "warning", "command.prompt", "off", "review.overdue", "off"),
                PropertyAliases.mergeMap("runbook.validate.severities", Map.of("link.external", "error", "review.overdue", "off"),
                        " link.external = warning ,, command.prompt=off"));
        assertEquals(Map.of("api", "https://x.example/?a=b"),
                PropertyAliases.mergeMap("runbook.smoke.variables", null, "api=https://x.example/?a=b"), "only the first = splits");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PropertyAliases.mergeMap("runbook.smoke.variables", null, "api"));
        assertEquals("runbook.smoke.variables: 'api' is not key=value; write e.g. -Drunbook.smoke.variables=a=1,b=2", e.getMessage());
    }
}
