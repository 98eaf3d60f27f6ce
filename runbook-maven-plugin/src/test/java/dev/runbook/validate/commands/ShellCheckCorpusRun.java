package dev.runbook.validate.commands;

import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.ValidationContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs {@code command.shellcheck} over a folder of real runbooks and prints every finding and the count per
 * ShellCheck code. Not a test: run by hand with
 * {@code java -cp target/classes:target/test-classes:<deps> dev.runbook.validate.commands.ShellCheckCorpusRun DIR [all]};
 * with {@code all} nothing is excluded, to see what the default exclude list removes.
 */
public final class ShellCheckCorpusRun {

    private ShellCheckCorpusRun() {
    }

    public static void main(String[] args) throws Exception {
        RunLog log = new RunLog() {
            @Override
            public void info(String message) {
                System.err.println("[info] " + message);
            }

            @Override
            public void warn(String message) {
                System.err.println("[warn] " + message);
            }

            @Override
            public void debug(String message) {
            }
        };
        boolean all = args.length > 1 && "all".equals(args[1]);
        RuleSettings.ShellCheck shellCheck = new RuleSettings.ShellCheck(RuleSettings.ShellCheck.Mode.ON,
                null, all ? Set.of() : RuleSettings.ShellCheck.DEFAULT_EXCLUDE);
        ShellCheckRule rule = new ShellCheckRule(RuleSettings.defaults().withShellCheck(shellCheck));
        LoadedContent content = new ContentLoader().load(Path.of(args[0]));
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        rule.checkAll(new ValidationContext(content, LocalDate.now(), Path.of("target"), log), findings::add);
        long millis = (System.nanoTime() - start) / 1_000_000;
        findings.sort(Finding.ORDER);
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding finding : findings) {
            System.out.println(finding.toConsoleLine());
            counts.merge(finding.message().substring(0, finding.message().indexOf(':')) + " " + finding.severity(), 1, Integer::sum);
        }
        System.out.println("== " + args[0] + ": " + content.runbooks().size() + " runbooks, " + findings.size()
                + " findings, " + rule.processesStarted() + " shellcheck processes, " + millis + " ms");
        counts.forEach((code, count) -> System.out.println("COUNT " + code + " " + count));
    }
}
