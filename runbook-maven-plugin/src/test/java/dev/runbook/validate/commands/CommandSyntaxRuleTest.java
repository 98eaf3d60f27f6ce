package dev.runbook.validate.commands;

import dev.runbook.findings.Finding;
import dev.runbook.model.SourceText;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandSyntaxRuleTest {

    private final CommandSyntaxRule rule = new CommandSyntaxRule(RuleSettings.defaults());

    @Test
    void reportsTheFirstErrorOfEachBlockAtItsFilePosition() {
        String md = """
                # Broken

                ```bash
                if [ -f /etc/app.conf ]; then
                  systemctl restart app
                ```

                ```sh
                echo "ok"
                kubectl get pods | grep api )
                ```
                """;
        List<String> warnings = new ArrayList<>();
        List<Finding> findings = run(rule, SourceText.of(md), warnings);
        // tree-sitter puts the missing "fi" right after the last token it saw.
        assertEquals(List.of("5:24", "10:29"), positions(findings));
        assertTrue(findings.get(0).message().contains("missing \"fi\""), findings.get(0).message());
        assertTrue(findings.get(1).message().contains("unexpected \")\""), findings.get(1).message());
        assertEquals(List.of(), warnings, "the tree-sitter native library loads on this machine");
    }

    @Test
    void validShellPasses() {
        String md = """
                ```bash
                for pod in $(kubectl get pods -o name); do
                  kubectl logs "$pod" --since=1h | grep -c ERROR || true
                done
                cat <<'EOF' > /tmp/x.yaml
                a: "unbalanced ' quote is fine in a heredoc
                EOF
                psql -c "SELECT 1" && echo "done"
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void consoleFencesParseOnlyPromptLinesAndTheirContinuations() {
        String md = """
                ```console
                $ kubectl get pods \\
                    -n payments
                NAME      READY   STATUS (restarts)   AGE
                api-1     1/1     Running ) weird    3d
                # systemctl status app
                ● app.service - App
                $ for i in 1 2; do
                > echo $i
                > done
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void consoleErrorsPointAfterThePrompt() {
        String md = """
                ```console
                output line (
                $ echo "unclosed
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(0).line());
    }

    @Test
    void fillInSlotsAreReadAsWords() {
        String md = """
                ```bash
                oc logs <pod-name> -n <namespace>
                NODE_NAME=<instance label from alert>
                oc debug node/<node name>
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void errorsOnPlaceholderLinesAreLeftToThePlaceholderRules() {
        String md = """
                ```bash
                kubectl scale deploy/api --replicas=[TODO: how many?] )
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void blocksInAnotherLanguageAreReportedOnlyByCommandLanguage() {
        String md = """
                ```sql
                not shell at all (
                ```

                ```bash
                SELECT id, name FROM users WHERE (id = 1;
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void columnsIncludeTheFenceIndentation() {
        String md = """
                1. Restart:

                   ```bash
                   echo 'oops
                   ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(1, findings.size());
        assertEquals(4, findings.get(0).line());
        assertEquals(9, findings.get(0).column(), "the quote, counting the list indentation");
        assertTrue(findings.get(0).message().endsWith("unclosed ' quote"), findings.get(0).message());
    }

    @Test
    void aParserThatCannotLoadIsOneClearWarningNotACrash() {
        CommandSyntaxRule noParser = new CommandSyntaxRule(RuleSettings.defaults(),
                () -> new BashParser.Loaded(null, "the bash parser (tree-sitter native library) could not be loaded on plan9/mips"));
        List<String> warnings = new ArrayList<>();
        String md = "```bash\necho 'unclosed\n```\n\n```bash\nif x\n```\n";
        assertEquals(List.of(), run(noParser, SourceText.of(md), warnings));
        run(noParser, SourceText.of(md), warnings);
        assertEquals(1, warnings.size(), "told once per run, not once per block: " + warnings);
        assertTrue(warnings.get(0).contains("shell syntax is NOT checked") && warnings.get(0).contains("plan9/mips"), warnings.get(0));
    }

    @Test
    void extraShellLanguagesAreChecked() {
        var settings = RuleSettings.defaults().withShellLanguages(java.util.Set.of("bash", "ksh"));
        CommandSyntaxRule ksh = new CommandSyntaxRule(settings);
        assertEquals(1, run(ksh, "```ksh\necho 'x\n```\n").size());
        assertEquals(0, run(ksh, "```sh\necho 'x\n```\n").size(), "sh was dropped from the list");
    }

    @Test
    void consolePromptsWithUserAndHost() {
        String md = """
                ```console
                user@bastion:~$ oc get nodes
                NAME   STATUS (Ready
                [root@node-1 ~]# crictl ps | grep api
                (venv) $ python -V
                % Total    % Received % Xferd  Average Speed (
                user@bastion:~$ echo "unclosed
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("7:22"), positions(findings));
    }

    @Test
    void metricsOutputAndNotesAreNotRootPrompts() {
        String md = """
                ```console
                $ curl -s localhost:9090/metrics | head -3
                # HELP go_memstats_alloc_bytes Number of bytes allocated (heap) and still in use.
                # TYPE go_memstats_alloc_bytes gauge
                # Note: (this is output
                # systemctl restart kubelet
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    /** Everyday runbook commands that a weaker parser (or a regex) would get wrong; none may be reported. */
    @Test
    void everydayBashConstructsParse() throws Exception {
        String md;
        try (var in = getClass().getResourceAsStream("/dev/runbook/validate/commands/valid-bash.md")) {
            md = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(md.contains("declare -A map"));
        assertEquals(List.of(), run(rule, md));
        assertEquals(List.of(), run(new CommandLanguageRule(RuleSettings.defaults()), md));
        assertEquals(List.of(), run(new CommandContinuationRule(RuleSettings.defaults()), md));
    }

    /**
     * Issue #20: a {@code [word: text]} line later in the block made tree-sitter report the first command
     * ("unexpected curl"). bash -n accepts all three blocks: {@code [TBD:} and {@code [foo:} are command words
     * to bash, since its test command is the word {@code [} alone.
     */
    @Test
    void bracketNotesAfterACommandAreNotSyntaxErrors() {
        String md = """
                ```bash
                curl -fsS https://api.internal.example/v1/status
                echo finished
                [TBD: fill in the endpoint]
                ```

                ```bash
                curl -fsS https://api.internal.example/v1/status
                [foo: bar]
                ```

                ```sh
                kubectl get pods; [[note]] && echo yes
                if true; then [x: y]; fi
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void aBlockThatParsesWithoutItsPlaceholderLinesIsLeftToThePlaceholderRules() {
        String md = """
                ```bash
                kubectl rollout restart deploy/api
                TODO (ask the DB team
                kubectl rollout status deploy/api
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void aRealErrorPointsAtTheOffendingTokenNotAtTheFirstCommand() {
        String md = """
                ```bash
                kubectl get pods
                echo checking
                for pod in a b
                  kubectl delete pod "$pod"
                done
                ```

                ```bash
                kubectl get nodes
                [ -f /etc/app.conf
                echo z
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("4:1", "11:1"), positions(findings));
        assertEquals("shell command does not parse: \"for\" is not completed: expected \"do … done\"",
                findings.get(0).message());
        assertTrue(findings.get(1).message().contains("\"[\" is not completed: expected \" ]\""), findings.get(1).message());
    }
}
