package dev.runbook.hostile;

import dev.runbook.core.RunLog;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.policy.FailOn;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A child process for {@link ReportsKillTest}: one real {@code runbook:validate} run, started with
 * {@code -Drunbook.test.pauseAt=<step>} so that it stops at that step of publishing its reports and waits for
 * SIGKILL. Arguments: content folder, project folder. Also the run the test makes in-process.
 */
public final class ReportsChild {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    public static void main(String[] args) throws Exception {
        validate(Path.of(args[0]), Path.of(args[1]));
        System.out.println("DONE");
    }

    static void validate(Path content, Path project) throws Exception {
        RuleSettings rules = RuleSettings.defaults()
                .withLinks(LinkCheckSettings.defaults().withOffline(true))
                .withShellCheck(new RuleSettings.ShellCheck(RuleSettings.ShellCheck.Mode.OFF, null, Set.of()));
        new ValidationRun(RunLog.SILENT).run(new ValidateOptions(content, project, project.resolve("target"), TODAY,
                FailOn.NONE, Map.of(), null, rules, "test"));
    }
}
