package dev.runbook.validate.commands;

import dev.runbook.testing.RequiredTool;
import dev.runbook.core.LinesLog;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.RuleSettings.ShellCheck;
import dev.runbook.validate.RuleSettings.ShellCheck.Mode;
import dev.runbook.validate.ValidationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the real ShellCheck binary; CI installs it (Debian package {@code shellcheck}). */
class ShellCheckRuleTest {

    private static final Path SHELLCHECK = RequiredTool.shellcheck();

    private static RuleSettings settings(Mode mode, Path binary, Set<String> exclude) {
        return RuleSettings.defaults().withShellCheck(new ShellCheck(mode, binary, exclude));
    }

    private static ShellCheckRule forcedOn() {
        return new ShellCheckRule(settings(Mode.ON, SHELLCHECK, ShellCheck.DEFAULT_EXCLUDE));
    }

    /** What one run of the rule produced: findings (sorted) and the info lines it logged. */
    private record Run(List<Finding> findings, List<String> infos, List<String> warnings) {
    }

    /** Where the rule keeps its ShellCheck cache: one folder per test, so no test sees another's answers. */
    @TempDir
    Path work;

    private Run run(ShellCheckRule rule, String markdown) {
        List<Finding> loaderFindings = new ArrayList<>();
        Runbook runbook = ContentLoader.parse("ops/runbook.md", Path.of("ops/runbook.md"), SourceText.of(markdown), loaderFindings);
        List<String> lines = new ArrayList<>();
        LoadedContent content = new LoadedContent(Path.of("."), List.of(runbook), loaderFindings);
        List<Finding> findings = new ArrayList<>();
        rule.checkAll(new ValidationContext(content, LocalDate.of(2026, 11, 22), work, LinesLog.withoutDebug(lines)),
                findings::add);
        findings.sort(Finding.ORDER);
        return new Run(findings, withLevel("INFO ", lines), withLevel("WARN ", lines));
    }

    private static List<String> withLevel(String level, List<String> lines) {
        return lines.stream().filter(l -> l.startsWith(level)).map(l -> l.substring(level.length())).toList();
    }

    @Test
    void findingsPointIntoTheMarkdownFileThroughListIndentAndConsolePrompts() {
        String md = """
                # Restart

                ```bash
                kubectl rollout restart deploy $DEPLOY
                ```

                1. Find the pod:

                   ```sh
                   kubectl get pods -n $NS
                   ```

                ```console
                $ kubectl logs $POD
                some output with $dollar
                user@host:~$ echo $(ls $DIR)
                ```
                """;
        Run run = run(forcedOn(), md);
        assertEquals(List.of("4:32", "10:24", "14:16", "16:19", "16:24"), positions(run.findings()), run.findings().toString());
        Finding first = run.findings().get(0);
        assertEquals("command.shellcheck", first.ruleId());
        assertEquals(Severity.WARNING, first.severity());
        assertEquals("ops/runbook.md", first.file());
        assertEquals("SC2086: Double quote to prevent globbing and word splitting.", first.message());
        assertTrue(first.hint().contains("https://www.shellcheck.net/wiki/SC2086"), first.hint());
        assertTrue(run.findings().stream().anyMatch(f -> f.message().startsWith("SC2046:")), run.findings().toString());
        assertEquals(List.of(), run.warnings());
    }

    @Test
    void snippetNoiseIsExcludedByDefaultAndTheListIsConfigurable() {
        String md = """
                ```bash
                unused=1
                cd /srv/app
                source ./env.sh
                echo "$unset_here"
                export POD_NAME=$(hostname)
                exit
                echo "back in the outer shell"
                ```
                """;
        assertEquals(List.of(), run(forcedOn(), md).findings());

        Run noExcludes = run(new ShellCheckRule(settings(Mode.ON, SHELLCHECK, Set.of())), md);
        List<String> codes = noExcludes.findings().stream().map(f -> f.message().substring(0, f.message().indexOf(':'))).toList();
        assertTrue(codes.containsAll(List.of("SC2034", "SC2164", "SC1091", "SC2154", "SC2155", "SC2317")), codes.toString());
    }

    @Test
    void errorLevelFindingsAreErrors() {
        String md = """
                ```bash
                [ "$STATUS" = "ok"]
                ```
                """;
        Run run = run(forcedOn(), md);
        assertTrue(run.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR), run.findings().toString());
    }

    @Test
    void blocksAreCheckedInBatchesNotOneProcessEach() {
        StringBuilder md = new StringBuilder("# Many\n\n");
        for (int i = 0; i < 450; i++) {
            md.append("```bash\necho $VALUE_").append(i).append("\n```\n\n");
        }
        ShellCheckRule rule = forcedOn();
        Run run = run(rule, md.toString());
        assertEquals(450, run.findings().size());
        assertEquals(3, rule.processesStarted(), "450 blocks in batches of 200");
        // Every block's finding lands on its own echo line: block i's body is file line 4 + 4 * i.
        for (int i = 0; i < 450; i++) {
            assertEquals(4 + 4 * i, run.findings().get(i).line());
        }
    }

    @Test
    void aRepeatedBlockIsCheckedOnceAndReportedAtEveryPlaceItAppears() {
        String md = """
                # Repeats

                ```bash
                echo $NAMESPACE
                ```

                Then again, later:

                ```bash
                echo $NAMESPACE
                ```

                ```bash
                echo $OTHER
                ```
                """;
        ShellCheckRule rule = forcedOn();
        Run run = run(rule, md);
        assertEquals(2, rule.scriptsChecked(), "two distinct scripts");
        assertEquals(List.of("4:6", "10:6", "14:6"), positions(run.findings()),
                run.findings().toString());
        assertTrue(run.findings().stream().allMatch(f -> f.message().startsWith("SC2086")), run.findings().toString());
    }

    @Test
    void aSecondRunAsksShellCheckOnlyAboutBlocksItHasNotSeen() throws Exception {
        String md = "# Cache\n\n```bash\necho $ONE\n```\n\n```bash\necho $TWO\n```\n";
        ShellCheckRule first = forcedOn();
        Run before = run(first, md);
        assertEquals(2, first.scriptsChecked());
        assertTrue(Files.isRegularFile(work.resolve(ShellCheckCache.FILE_NAME)));

        ShellCheckRule second = forcedOn();
        Run again = run(second, md);
        assertEquals(0, second.processesStarted(), "every answer came from the cache");
        assertEquals(before.findings(), again.findings(), "the same findings at the same places");

        ShellCheckRule third = forcedOn();
        Run edited = run(third, md.replace("echo $TWO", "echo $THREE"));
        assertEquals(1, third.scriptsChecked(), "only the edited block");
        assertEquals(List.of("4:6", "8:6"), positions(edited.findings()));
        assertTrue(edited.findings().get(1).message().startsWith("SC2086"), edited.findings().toString());
    }

    @Test
    void aRunOverOnePageKeepsTheOtherPagesScriptsForALaterRunOverAll() throws Exception {
        // validate runs the rule on changed pages only; the next day's run (new page-cache key) covers all.
        String all = "# All\n\n```bash\necho $ONE\n```\n\n```bash\necho $TWO\n```\n";
        run(forcedOn(), all);
        ShellCheckRule onePage = forcedOn();
        run(onePage, "# One\n\n```bash\necho $THREE\n```\n");
        assertEquals(1, onePage.scriptsChecked());
        ShellCheckRule again = forcedOn();
        run(again, all);
        assertEquals(0, again.processesStarted(), "the blocks of the pages not checked last run are still cached");
    }

    @Test
    void otherExcludedCodesOrAnotherBinaryAskAgain() throws Exception {
        String md = "# Cache\n\n```bash\necho $ONE\n```\n";
        run(forcedOn(), md);
        ShellCheckRule other = new ShellCheckRule(settings(Mode.ON, SHELLCHECK, Set.of("SC2086")));
        Run excluded = run(other, md);
        assertEquals(1, other.scriptsChecked(), "another exclude list is another cache");
        assertEquals(List.of(), excluded.findings());
    }

    @Test
    void aBatchThatFailedIsNotRemembered() throws Exception {
        Path broken = work.resolve("fake-shellcheck");
        Files.writeString(broken, "#!/bin/sh\necho 'not today' >&2\nexit 3\n");
        broken.toFile().setExecutable(true);
        ShellCheckRule rule = new ShellCheckRule(settings(Mode.ON, broken, ShellCheck.DEFAULT_EXCLUDE));
        Run run = run(rule, "# Cache\n\n```bash\necho $ONE\n```\n");
        assertEquals(List.of(), run.findings());
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("exited with 3")), run.warnings().toString());
        String cache = Files.readString(work.resolve(ShellCheckCache.FILE_NAME));
        assertTrue(cache.contains("\"scripts\":{}"), cache);
    }

    @Test
    void itsPageCacheKeyNamesTheBinaryAndTheExcludesAndIsNullWithoutShellCheck() {
        String key = new ShellCheckRule(settings(Mode.ON, SHELLCHECK, ShellCheck.DEFAULT_EXCLUDE)).perPageKey(null);
        assertTrue(key != null && key.startsWith("shellcheck="), key);
        assertEquals(key, new ShellCheckRule(settings(Mode.AUTO, SHELLCHECK, ShellCheck.DEFAULT_EXCLUDE)).perPageKey(null));
        assertTrue(!key.equals(new ShellCheckRule(settings(Mode.ON, SHELLCHECK, Set.of("SC2086"))).perPageKey(null)),
                "other excludes, other findings: another key");
        Path missing = Path.of("target/no-such-dir/shellcheck");
        // Without the binary the rule's one finding or log line covers every page: it runs over every page.
        assertEquals(null, new ShellCheckRule(settings(Mode.AUTO, missing, ShellCheck.DEFAULT_EXCLUDE)).perPageKey(null));
        assertEquals(null, new ShellCheckRule(settings(Mode.ON, missing, ShellCheck.DEFAULT_EXCLUDE)).perPageKey(null));
        assertEquals("off", new ShellCheckRule(settings(Mode.OFF, missing, ShellCheck.DEFAULT_EXCLUDE)).perPageKey(null));
    }

    @Test
    void aBatchThatFailedMarksItsPagesIncomplete() throws Exception {
        Path broken = work.resolve("fake-shellcheck");
        Files.writeString(broken, "#!/bin/sh\nexit 3\n");
        broken.toFile().setExecutable(true);
        ShellCheckRule rule = new ShellCheckRule(settings(Mode.ON, broken, ShellCheck.DEFAULT_EXCLUDE));
        dev.runbook.validate.ConcurrentFindingSink sink = new dev.runbook.validate.ConcurrentFindingSink();
        Runbook page = ContentLoader.parse("p.md", null, SourceText.of("# P\n\n```bash\necho $ONE\n```\n"), new ArrayList<>());
        rule.check(page, new ValidationContext(new LoadedContent(work, List.of(page), List.of()), LocalDate.of(2026, 11, 22), work,
                dev.runbook.core.RunLog.SILENT), sink);
        assertEquals(Set.of("p.md"), sink.incomplete());
    }

    @Test
    void offRunsNothing() {
        ShellCheckRule rule = new ShellCheckRule(settings(Mode.OFF, SHELLCHECK, ShellCheck.DEFAULT_EXCLUDE));
        Run run = run(rule, "```bash\necho $X\n```\n");
        assertEquals(List.of(), run.findings());
        assertEquals(0, rule.processesStarted());
        assertEquals(List.of(), run.infos());
    }

    @Test
    void autoWithoutTheBinaryIsSkippedWithOneInfoLine() {
        Path missing = Path.of("target/no-such-dir/shellcheck");
        ShellCheckRule rule = new ShellCheckRule(settings(Mode.AUTO, missing, ShellCheck.DEFAULT_EXCLUDE));
        Run run = run(rule, "```bash\necho $X\n```\n\n```bash\necho $Y\n```\n");
        assertEquals(List.of(), run.findings());
        assertEquals(1, run.infos().size(), run.infos().toString());
        assertTrue(run.infos().get(0).contains("ShellCheck is not installed") && run.infos().get(0).contains(missing.toString())
                && run.infos().get(0).contains("2 shell blocks"), run.infos().get(0));
    }

    @Test
    void onWithoutTheBinaryIsAClearError() {
        Path missing = Path.of("target/no-such-dir/shellcheck");
        RuleSettings.ShellCheck config = new ShellCheck(Mode.ON, missing, ShellCheck.DEFAULT_EXCLUDE);
        assertTrue(ShellCheckBinary.locate(config).isEmpty());
        Run run = run(new ShellCheckRule(RuleSettings.defaults().withShellCheck(config)), "# T\n\n```bash\necho $X\n```\n");
        assertEquals(1, run.findings().size(), run.findings().toString());
        Finding finding = run.findings().get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(3, finding.line());
        assertTrue(finding.message().contains("ShellCheck was not found at " + missing)
                && finding.message().contains("shellcheck=on"), finding.message());
    }

    @Test
    void linesOtherRulesReportAreNotReportedAgain() {
        String md = """
                ```bash
                if [ -f $CONF ]; then
                  systemctl restart app
                ```

                ```bash
                kubectl delete pod api-0 -n <your-namespace> $FLAGS
                kubectl get pods -n $NS
                ```

                ```bash
                SELECT * FROM users WHERE id = $ID;
                ```
                """;
        Run run = run(forcedOn(), md);
        // Block 1 does not parse (command.syntax), line 7 has a fill-in slot
        // (a run-time slot such as <pod-name> is no placeholder finding, so ShellCheck may report that line), block 3 is SQL (command.language).
        assertEquals(List.of("8:21"), positions(run.findings()), run.findings().toString());
    }

    @Test
    void modeAndCodesAreReadLeniently() {
        assertEquals(Mode.AUTO, ShellCheck.parseMode(null));
        assertEquals(Mode.ON, ShellCheck.parseMode(" On "));
        assertEquals(Mode.OFF, ShellCheck.parseMode("false"));
        assertEquals("SC2086", ShellCheck.code("2086"));
        assertEquals("SC2086", ShellCheck.code(" sc2086"));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ShellCheck.parseMode("sometimes"));
        assertTrue(bad.getMessage().contains("auto, on or off"), bad.getMessage());
    }

    @Test
    void autoFindsShellCheckOnThePath() {
        assertEquals(RequiredTool.onPath("shellcheck"), ShellCheckBinary.locate(new ShellCheck(Mode.AUTO, null, Set.of())),
                "the first shellcheck on the PATH, as a shell would run it");
    }

    @Test
    void aBinaryThatIsNotShellCheckIsAWarningNotACrash() {
        Path notShellCheck = Path.of("/bin/false");
        ShellCheckRule rule = new ShellCheckRule(settings(Mode.ON, notShellCheck, ShellCheck.DEFAULT_EXCLUDE));
        Run run = run(rule, "```bash\necho $X\n```\n");
        assertEquals(List.of(), run.findings());
        assertEquals(1, run.warnings().size(), run.warnings().toString());
        assertTrue(run.warnings().get(0).contains("/bin/false exited with 1 and printed nothing"), run.warnings().get(0));
    }

    /**
     * Issue #20: ShellCheck's SC1018 (no-break space) is command.unicode's finding; SC1128 after a blank first
     * line is Markdown layout (found on the OpenShift corpus). A shebang after a comment is still SC1128.
     */
    @Test
    void lookAlikeCharactersAndAShebangAfterBlankLinesAreLeftOut() {
        String md = "```bash\nkubectl\u00A0get pods\n```\n\n```sh\n\n#!/usr/bin/env bash\necho ok\n```\n\n"
                + "```sh\n# dump the data\n#!/usr/bin/env bash\necho ok\n```\n";
        Run run = run(forcedOn(), md);
        assertEquals(List.of("command.shellcheck 13:1 SC1128"), run.findings().stream()
                .map(f -> f.ruleId() + " " + f.line() + ":" + f.column() + " " + f.message().substring(0, 6)).toList());
    }
}
