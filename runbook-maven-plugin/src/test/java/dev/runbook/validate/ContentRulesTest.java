package dev.runbook.validate;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ContentRulesTest {

    @Test
    void everyContentRuleWithItsIdAndDefaultSeverity() {
        Map<String, Severity> rules = ContentRules.all(ContentRuleSettings.defaults()).stream()
                .collect(Collectors.toMap(Rule::id, Rule::defaultSeverity, (a, b) -> a, TreeMap::new));
        assertEquals(Map.ofEntries(
                Map.entry("placeholder.todo", Severity.ERROR),
                Map.entry("placeholder.fill-in", Severity.WARNING),
                Map.entry("command.syntax", Severity.ERROR),
                Map.entry("command.language", Severity.ERROR),
                Map.entry("command.unicode", Severity.ERROR),
                Map.entry("command.continuation", Severity.ERROR),
                Map.entry("command.prompt", Severity.WARNING),
                Map.entry("json.syntax", Severity.ERROR),
                Map.entry("yaml.syntax", Severity.ERROR),
                Map.entry("sql.syntax", Severity.WARNING),
                Map.entry("encoding.invalid", Severity.ERROR),
                Map.entry("encoding.mojibake", Severity.ERROR)), rules);
        ContentRules.all(ContentRuleSettings.defaults()).forEach(r -> assertFalse(r.description().isBlank(), r.id()));
    }

    /** A TODO inside a broken command is one finding, from placeholder.todo, not a second one from command.syntax. */
    @Test
    void aPlaceholderInABrokenCommandIsReportedOnce() {
        String md = """
                ```bash
                kubectl rollout restart deploy/TODO "
                ```
                """;
        List<Finding> all = new ArrayList<>();
        for (Rule rule : ContentRules.all(ContentRuleSettings.defaults())) {
            all.addAll(ContentRuleHarness.run(rule, md));
        }
        assertEquals(List.of("placeholder.todo 2:32"), all.stream().map(f -> f.ruleId() + " " + f.line() + ":" + f.column()).toList());
    }
}
