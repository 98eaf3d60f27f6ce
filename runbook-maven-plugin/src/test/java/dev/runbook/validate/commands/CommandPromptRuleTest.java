package dev.runbook.validate.commands;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandPromptRuleTest {

    private final CommandPromptRule rule = new CommandPromptRule(RuleSettings.defaults());

    @Test
    void promptsInAShellFenceAreReportedOncePerBlock() {
        String md = """
                ```shell
                $ oc get pods
                NAME READY
                $ oc get nodes
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("2:1"), positions(findings));
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("on 2 lines"));
        assertTrue(findings.get(0).hint().contains("console"));
    }

    @Test
    void promptsAfterAShellOrUserName() {
        String md = "```bash\n  sh-5.1$ ceph -s\n    cluster:\n```\n";
        assertEquals(List.of("2:3"), positions(run(rule, md)));
    }

    @Test
    void consoleFencesVariablesAndCommentsAreFine() {
        String md = """
                ```console
                $ oc get pods
                ```

                ```bash
                echo $HOME
                # $ not a prompt
                PRICE=$5
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }
}
