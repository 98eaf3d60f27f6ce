import dev.runbook.core.RunLog;
import dev.runbook.report.ValidationReport;
import dev.runbook.validate.ContentRuleSettings;
import dev.runbook.validate.ContentRules;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.ValidateOptions;
import dev.runbook.validate.ValidationRun;
import dev.runbook.validate.links.external.LinkCheckSettings;
import dev.runbook.validate.policy.FailOn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a content folder offline RUNS times in one JVM (ShellCheck on or off), printing each run's
 * time and finding count; with no up-to-date record (the options carry no content settings), every run
 * does the whole work. Usage: bench/warm.sh validate CONTENT RUNS [on|off]
 */
public class WarmValidate {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        ContentRuleSettings.ShellCheck.Mode mode = args.length > 2 && args[2].equals("on")
                ? ContentRuleSettings.ShellCheck.Mode.ON : ContentRuleSettings.ShellCheck.Mode.OFF;
        ContentRuleSettings settings = ContentRuleSettings.defaults().withShellCheck(
                new ContentRuleSettings.ShellCheck(mode, null, ContentRuleSettings.ShellCheck.DEFAULT_EXCLUDE));
        Path work = Files.createTempDirectory("warm-validate");
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            ValidateOptions options = new ValidateOptions(content, work, work.resolve("target"), LocalDate.parse("2026-11-22"),
                    FailOn.NONE, Map.of(), null, new RuleSettings(LinkCheckSettings.defaults().withOffline(true), Period.ofDays(90),
                    Set.of()), ContentRules.all(settings), "warm");
            ValidationReport report = new ValidationRun(RunLog.SILENT).run(options);
            System.out.printf("run %d: validate %d ms (%d findings, ShellCheck %s)%n", i,
                    (System.nanoTime() - start) / 1_000_000, report.findings().size(), mode);
        }
    }
}
