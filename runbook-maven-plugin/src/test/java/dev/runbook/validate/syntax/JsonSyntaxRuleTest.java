package dev.runbook.validate.syntax;

import dev.runbook.findings.Finding;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSyntaxRuleTest {

    private final JsonSyntaxRule rule = new JsonSyntaxRule(RuleSettings.defaults());

    @Test
    void trailingCommaIsReportedWhereItBreaks() {
        String md = """
                # Config

                - Payload:

                  ```json
                  {
                    "replicas": 3,
                  }
                  ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("8:3"), positions(findings));
        assertTrue(findings.get(0).message().startsWith("JSON does not parse: Unexpected character ('}'"), findings.get(0).message());
    }

    @Test
    void duplicateKeysCommentsAndSingleQuotes() {
        assertEquals(List.of("2:10"), positions(run(rule, "```json\n{\"a\": 1, \"a\": 2}\n```\n")));
        assertTrue(run(rule, "```json\n{\"a\": 1, \"a\": 2}\n```\n").get(0).message().contains("Duplicate field 'a'"));
        assertEquals(List.of("2:1"), positions(run(rule, "```json\n// note\n{}\n```\n")));
        assertEquals(List.of("2:2"), positions(run(rule, "```json\n{'a': 1}\n```\n")));
    }

    @Test
    void twoValuesThatAreNotJsonLines() {
        String md = "```json\n{\"a\": 1}\n{\"b\":\n 2}\n```\n";
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("3:1"), positions(findings));
        assertTrue(findings.get(0).message().contains("more than one JSON value"));
    }

    @Test
    void validJsonJsonLinesAndOtherDialectsPass() {
        String md = """
                ```json
                {"items": [1, 2.5, "x", null, true], "nested": {"k": "v"}}
                ```

                ```json
                {"level":"info","msg":"started"}
                {"level":"error","msg":"boom"}
                ```

                ```jsonc
                { "a": 1, // comment
                }
                ```

                ```json5
                {a: 1,}
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void errorsOnPlaceholderLinesAreLeftToThePlaceholderRules() {
        assertEquals(List.of(), positions(run(rule, "```json\n{\"project\": <project-id>}\n```\n")));
    }
}
