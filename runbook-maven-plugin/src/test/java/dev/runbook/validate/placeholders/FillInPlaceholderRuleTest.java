package dev.runbook.validate.placeholders;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FillInPlaceholderRuleTest {

    private final FillInPlaceholderRule rule = new FillInPlaceholderRule(RuleSettings.defaults());

    private List<String> texts(List<Finding> findings) {
        return findings.stream().map(f -> f.message().replaceAll("^fill-in placeholder (.*?)( in a code block)? was never replaced$", "$1")).toList();
    }

    @Test
    void findsTemplateSlotsInProseAndTables() {
        String md = """
                # Runbook for [app-name]

                Escalate to [Name/Phone/Slack] or open [URL]. Project: <your-project>.

                | contact | value |
                |---|---|
                | owner | CHANGEME |
                | host | xxx.xxx.xxx.xxx |
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("[app-name]", "[Name/Phone/Slack]", "[URL]", "<your-project>", "CHANGEME", "xxx.xxx.xxx.xxx"), texts(findings));
        assertEquals(List.of("1:15", "3:13", "3:40", "3:56", "7:11", "8:10"), positions(findings));
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.WARNING));
    }

    @Test
    void findsSlotsInCode() {
        String md = """
                ```bash
                gcloud config set project YOUR_PROJECT_ID
                docker pull your-registry/app:1.0
                kubectl -n <project-id> get pods
                export TOKEN=<INSERT token here>
                ```
                """;
        assertEquals(List.of("YOUR_PROJECT_ID", "your-registry", "<project-id>", "<INSERT token here>"), texts(run(rule, md)));
    }

    @Test
    void leavesLinksReferencesHtmlAndMarkdownSyntaxAlone() {
        String md = """
                See [app-name](https://example.com/app) and [the runbook][ops-guide] or [ops-guide].
                Use <br> and <details><summary>More</summary>text</details>, press <kbd>Ctrl</kbd>.
                <!-- [app-name] in a comment is for authors -->
                - [ ] task list item
                - [x] done
                > [!NOTE]
                > GitHub alert
                Check the dashboards [Grafana/Prometheus] first.

                [ops-guide]: https://example.com/[URL]
                """;
        assertEquals(List.of(), texts(run(rule, md)));
    }

    /** Run-time slots are how a generic procedure says "take it from the alert"; they are not unfinished work. */
    @Test
    void runTimeSlotsSynopsisWordsRedirectionsAndGenericsAreNotReported() {
        String md = """
                ```bash
                oc debug node/<node-name>
                oc logs <pod_name> -n <namespace>
                sort < input.txt > output.txt
                cat <<EOF
                EOF
                tool <file>
                echo ${ARR[ID]}
                ```

                ```java
                List<String> names = new ArrayList<>();
                Map<my_type, Integer> counts;
                ```

                ```yaml
                tags: [api-gateway, payments-db]
                ```

                ```ini
                [mysql-client]
                ```

                ```html
                <your-widget></your-widget>
                ```
                """;
        assertEquals(List.of(), texts(run(rule, md)));
    }
}
