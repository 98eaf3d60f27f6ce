package dev.runbook.validate.commands;

import dev.runbook.findings.Finding;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandContinuationRuleTest {

    private final CommandContinuationRule rule = new CommandContinuationRule(RuleSettings.defaults());

    @Test
    void backslashFollowedBySpaces() {
        String md = "```bash\nkubectl delete pod api-1 \\  \n  --grace-period=0\n```\n";
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("2:26"), positions(findings));
        assertTrue(findings.get(0).message().contains("followed by 2 spaces"), findings.get(0).message());
    }

    @Test
    void unterminatedHeredoc() {
        String md = """
                ```bash
                cat <<EOF | kubectl apply -f -
                kind: ConfigMap
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("2:5"), positions(findings));
        assertTrue(findings.get(0).message().contains("<<EOF is never closed"));
    }

    @Test
    void heredocTerminatorIndentedWithSpaces() {
        String md = """
                ```bash
                cat <<-'EOF' > /tmp/a
                  hello
                  EOF
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("4:1"), positions(findings));
        assertTrue(findings.get(0).hint().contains("tabs"));
    }

    @Test
    void wellFormedContinuationsAndHeredocs() {
        String md = """
                ```bash
                kubectl get pods \\
                  -n payments
                cat <<EOF > a
                x
                EOF
                cat <<-"END" > b
                \tindented with a tab
                \tEND
                echo "<<NOT a heredoc"
                grep foo <<< "here string"
                ```

                ```console
                $ cat <<EOF | oc apply -f -
                > kind: ConfigMap
                > EOF
                configmap/x created
                ```

                ```bash
                $ cat <<EOF | oc apply -f -
                kind: HyperConverged
                EOF
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }
}
