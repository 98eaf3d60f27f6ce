package dev.runbook.validate.placeholders;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TodoPlaceholderRuleTest {

    private final TodoPlaceholderRule rule = new TodoPlaceholderRule(RuleSettings.defaults());

    @Test
    void findsMarkersInProseHeadingsTablesAndCode() {
        String md = """
                # Disk full

                ## TODO

                Restart the service. FIXME: which one?

                | step | owner |
                |------|-------|
                | drain | [TBD] |

                ```bash
                kubectl -n payments rollout restart deploy/api  # XXX check replicas
                ```

                [TODO: add the failover steps]
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("3:4", "5:22", "9:12", "12:51", "15:2"), positions(findings));
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.ERROR && f.ruleId().equals("placeholder.todo")));
        assertTrue(findings.get(3).message().contains("\"XXX\" in a code block"), findings.get(3).message());
        assertTrue(findings.get(0).hint() != null && !findings.get(0).hint().isBlank());
    }

    @Test
    void lowerCaseNotesCountAtLineStartAndInCodeComments() {
        String md = """
                todo: write the rollback

                ```yaml
                todo: true
                # todo: remove this flag
                ```
                """;
        assertEquals(List.of("1:1", "5:3"), positions(run(rule, md)));
    }

    @Test
    void ignoresLongerTokensPathsUrlsAndOrdinaryWords() {
        String md = """
                # The todo-app runbook

                Our todos live in notes/TODO.md and at https://example.com/TODO/list and [the board](https://x.example/TODO).
                The TODOS table and TODO_LIST env var are fine; so is XXXL or a mktemp template.

                ```bash
                tmp=$(mktemp /tmp/backup.XXXXXX)
                curl -H "X-XXX-Token: $T" https://api.example.com/v1/todo
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void positionsAreFileColumnsInsideIndentedFences() {
        String md = """
                1. Check the pods:

                   ```bash
                   kubectl get pods # TODO namespace
                   ```
                """;
        assertEquals(List.of("4:23"), positions(run(rule, md)));
    }

    @Test
    void extraPatternsAreReported() {
        var settings = RuleSettings.defaults().withExtraTodoPatterns(List.of(Pattern.compile("\\?\\?\\?")));
        assertEquals(List.of("1:15"), positions(run(new TodoPlaceholderRule(settings), "Call the team ??? first.\n")));
    }

    @Test
    void authorNotesInHtmlCommentsCountButSuppressionReasonsDoNot() {
        String md = """
                <!-- TODO: add the dashboard link -->
                <!-- runbook-ignore placeholder.todo: TODO section tracked in OPS-12 -->
                ## Escalation
                """;
        assertEquals(List.of("1:6"), positions(run(rule, md)));
    }
}
