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
        // At the comma to delete, not at the brace where Jackson noticed it.
        assertEquals(List.of("7:18"), positions(findings));
        assertEquals("JSON does not parse: trailing comma before `}`: JSON allows no comma after the last entry",
                findings.get(0).message());
    }

    @Test
    void duplicateKeysCommentsAndSingleQuotes() {
        assertEquals(List.of("2:10"), positions(run(rule, "```json\n{\"a\": 1, \"a\": 2}\n```\n")));
        assertEquals("JSON does not parse: duplicate key \"a\" (first on line 1 of the block); the second silently wins",
                run(rule, "```json\n{\"a\": 1, \"a\": 2}\n```\n").get(0).message());
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

    /** Issue #20: each message says what a person would, at the character to fix; no Jackson text. */
    @Test
    void messagesSayWhatIsWrongInWordsAtTheExactColumn() {
        assertJson("{\n  \"a\": 1\n  \"b\": 2\n}", "3:9", "missing comma between `1` and `\"b\"`");
        assertJson("[1, 2,]", "2:6", "trailing comma before `]`: JSON allows no comma after the last element");
        assertJson("{\n  \"msg\": \"disk full\n}", "3:10", "unterminated string: this `\"` is never closed on its line");
        assertJson("{\"a\": \"open", "2:7", "unterminated string: this `\"` is never closed on its line");
        assertJson("{\"a\" 1}", "2:5", "missing `:` between the key `\"a\"` and its value");
        assertJson("{name: 1}", "2:2", "key `name` is not quoted: JSON keys take double quotes");
        assertJson("{\"a\": ...}", "2:7", "`...` is not a JSON value (an elision?)");
        assertJson("{\"a\": tru}", "2:7", "`tru` is not a JSON value: strings take double quotes; the words are true, false and null");
        assertJson("{\n  \"a\": [1,\n  2", "3:8", "unclosed `[`: the block ends before its `]`");
        assertJson("{\"a\": 1}}", "2:9", "extra `}` with nothing open to close");
        assertJson("{\"a\": 1, // why\n\"b\": 2}", "2:10", "a comment: JSON has no comments");
    }

    private void assertJson(String json, String position, String message) {
        List<Finding> findings = run(rule, "```json\n" + json + "\n```\n");
        assertEquals(List.of(position), positions(findings), json);
        assertEquals("JSON does not parse: " + message, findings.get(0).message(), json);
        assertTrue(!findings.get(0).message().contains("code ") && !findings.get(0).message().contains("Unexpected"));
    }

    /** Found on the OpenShift corpus: jq .items[] output pasted as objects separated by commas. */
    @Test
    void objectsSeparatedByCommasWithoutTheArray() {
        assertJson("{\"type\": \"Ready\"},\n{\"type\": \"MemoryPressure\"}", "2:18",
                "`,` after a complete JSON value: several values need to be inside `[ ]`");
    }
}
