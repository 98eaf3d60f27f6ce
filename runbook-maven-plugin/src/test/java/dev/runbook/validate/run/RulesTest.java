package dev.runbook.validate.run;

import dev.runbook.validate.ContentRuleHarness;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.Rule;
import dev.runbook.validate.RuleSettings;
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

class RulesTest {

    @Test
    void everyRuleWithItsIdAndDefaultSeverity() {
        Map<String, Severity> rules = Rules.builtIn(RuleSettings.defaults()).describedRules().stream()
                .collect(Collectors.toMap(Rule::id, Rule::defaultSeverity, (a, b) -> a, TreeMap::new));
        assertEquals(Map.ofEntries(
                Map.entry("frontmatter.schema", Severity.ERROR),
                Map.entry("frontmatter.unknown-key", Severity.WARNING),
                Map.entry("file.unreadable", Severity.ERROR),
                Map.entry("link.file", Severity.ERROR),
                Map.entry("link.anchor", Severity.ERROR),
                Map.entry("link.empty", Severity.WARNING),
                Map.entry("link.scheme", Severity.ERROR),
                Map.entry("link.protocol-relative", Severity.WARNING),
                Map.entry("link.reference-undefined", Severity.WARNING),
                Map.entry("link.reference-unused", Severity.WARNING),
                Map.entry("link.reference-duplicate", Severity.WARNING),
                Map.entry("link.external", Severity.ERROR),
                Map.entry("review.overdue", Severity.WARNING),
                Map.entry("structure.duplicate-id", Severity.WARNING),
                Map.entry("smoke.syntax", Severity.ERROR),
                Map.entry("smoke.no-assertion", Severity.WARNING),
                Map.entry("suppression.no-reason", Severity.WARNING),
                Map.entry("suppression.unused", Severity.WARNING),
                Map.entry("placeholder.todo", Severity.ERROR),
                Map.entry("placeholder.fill-in", Severity.WARNING),
                Map.entry("command.syntax", Severity.ERROR),
                Map.entry("command.language", Severity.ERROR),
                Map.entry("command.unicode", Severity.ERROR),
                Map.entry("command.continuation", Severity.ERROR),
                Map.entry("command.prompt", Severity.WARNING),
                Map.entry("command.shellcheck", Severity.WARNING),
                Map.entry("json.syntax", Severity.ERROR),
                Map.entry("yaml.syntax", Severity.ERROR),
                Map.entry("sql.syntax", Severity.WARNING),
                Map.entry("encoding.invalid", Severity.ERROR),
                Map.entry("encoding.mojibake", Severity.ERROR),
                Map.entry("alert.missing-runbook", Severity.WARNING),
                Map.entry("alert.broken-runbook-url", Severity.ERROR),
                Map.entry("alert.orphan-runbook", Severity.WARNING),
                Map.entry("alert.rule-file", Severity.ERROR)), rules);
        Rules.builtIn(RuleSettings.defaults()).describedRules().forEach(r -> assertFalse(r.description().isBlank(), r.id()));
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
        for (Rule rule : Rules.builtIn(RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true))).rules()) {
            all.addAll(ContentRuleHarness.run(rule, md));
        }
        assertEquals(List.of("placeholder.todo 2:32"), all.stream().map(f -> f.ruleId() + " " + f.line() + ":" + f.column()).toList());
    }
}
