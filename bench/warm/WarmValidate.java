import dev.runbook.core.RunLog;
import dev.runbook.findings.ValidationReport;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;
import dev.runbook.validate.policy.FailOn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Validates a content folder offline RUNS times in one JVM (ShellCheck on or off), printing each run's
 * time and finding count; with no up-to-date record (the options carry no content settings), every run
 * does the whole work. Usage: bench/warm.sh validate CONTENT RUNS [on|off]
 */
public class WarmValidate {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        RuleSettings.ShellCheck.Mode mode = args.length > 2 && args[2].equals("on")
                ? RuleSettings.ShellCheck.Mode.ON : RuleSettings.ShellCheck.Mode.OFF;
        RuleSettings settings = RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true))
                .withShellCheck(new RuleSettings.ShellCheck(mode, null, RuleSettings.ShellCheck.DEFAULT_EXCLUDE));
        Path work = Files.createTempDirectory("warm-validate");
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            ValidateOptions options = new ValidateOptions(content, work, work.resolve("target"), LocalDate.parse("2026-11-22"),
                    FailOn.NONE, Map.of(), null, settings, "warm");
            ValidationReport report = new ValidationRun(RunLog.SILENT).run(options);
            System.out.printf("run %d: validate %d ms (%d findings, ShellCheck %s)%n", i,
                    (System.nanoTime() - start) / 1_000_000, report.findings().size(), mode);
        }
    }
}
