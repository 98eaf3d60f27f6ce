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
        assertTrue(findings.get(0).message().contains("\"name\" appears twice"), findings.get(0).message());
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
}
