package dev.runbook.validate.syntax;

import dev.runbook.findings.Finding;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlSyntaxRuleTest {

    private final YamlSyntaxRule rule = new YamlSyntaxRule(RuleSettings.defaults());

    @Test
    void badIndentationIsReportedAtItsFilePosition() {
        String md = """
                ```yaml
                spec:
                  replicas: 3
                 image: api:1.2
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(1, findings.size());
        assertEquals(4, findings.get(0).line());
        assertTrue(findings.get(0).message().startsWith("YAML does not parse"), findings.get(0).message());
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() {
        String md = """
                Example:

                  ```yaml
                  metadata:
                    name: api
                    name: api-v2
                  ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("6:5"), positions(findings));
        assertTrue(findings.get(0).message().contains("duplicate key \"name\""), findings.get(0).message());
    }

    @Test
    void multiDocumentsCustomTagsAnchorsTemplatesAndElisionsPass() {
        String md = """
                ```yaml
                apiVersion: v1
                kind: ConfigMap
                ---
                base: &base {a: 1}
                derived:
                  <<: *base
                  b: 2
                Resources:
                  Bucket:
                    Value: !Ref MyBucket
                ```

                ```yaml
                spec:
                  replicas: {{ .Values.replicas }}
                  {{- if .Values.debug }}
                  debug: true
                  {{- end }}
                  image: "{{ .Values.image }}"
                ```

                ```yml
                kind: HyperConverged
                spec:
                  ...
                  workloads:
                    nodePlacement: {}
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    /** Issue #20: SnakeYAML's wording becomes a sentence about the line, at the character to fix. */
    @Test
    void messagesSayWhatIsWrongInWordsAtTheExactColumn() {
        assertYaml("name: api\nimage: \"registry/api:1.2\nreplicas: 2", "3:8", "unterminated string: this quote is never closed");
        assertYaml("a: 1\n\tb: 2", "3:1", "a tab in the indentation: YAML indents with spaces only");
        assertYaml("args: [--verbose, --port=80", "2:7", "unclosed `[`: a `,` or `]` is missing");
        assertYaml("url: http://x: y", "2:14", "unexpected `: ` here: quote a value that contains \": \", or indent this key under a key that has no value");
        assertYaml("spec:\n  replicas: 1\n image: x", "4:2", "this line's indentation does not match the lines above it");
        assertYaml("owner: @team-payments", "2:8", "a plain value cannot start with `@`: put the value in quotes");
    }

    private void assertYaml(String yaml, String position, String message) {
        List<Finding> findings = run(rule, "```yaml\n" + yaml + "\n```\n");
        assertEquals(List.of(position), positions(findings), yaml);
        assertEquals("YAML does not parse: " + message, findings.get(0).message(), yaml);
    }

    /** Found on the OpenShift corpus: "..." stands for lines left out, so the deeper line after it is not an error. */
    @Test
    void anIndentationJumpRightAfterAnElisionIsTheAbridgement() {
        String md = """
                ```yaml
                apiVersion: kubevirt.io/v1
                kind: VirtualMachineInstance
                ...
                  status:
                    phase: Running
                ```

                ```yaml
                kind: Pod
                  status: Running
                ```
                """;
        assertEquals(List.of("11:9"), positions(run(rule, md)));
    }

    @Test
    void templatesAreMaskedAsTheLazyPatternWouldInLinearTime() {
        java.util.regex.Pattern lazy = java.util.regex.Pattern.compile("\\{\\{.*?\\}\\}|\\{%.*?%\\}");
        java.util.Random random = new java.util.Random(20261205);
        String alphabet = "{}%a ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(16); k > 0; k--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            StringBuilder expected = new StringBuilder(line);
            java.util.regex.Matcher m = lazy.matcher(line);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    expected.setCharAt(i, 'x');
                }
            }
            assertEquals(expected.toString(), YamlSyntaxRule.templatesMasked(line.toString()), line.toString());
        }
        String hostile = "{{".repeat(200_000) + "{%".repeat(200_000);
        long start = System.nanoTime();
        assertEquals(hostile, YamlSyntaxRule.templatesMasked(hostile));
        // A quadratic scan of 800k characters takes minutes; the linear one well under a second even on a busy machine.
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(20));
    }
}
