import dev.runbook.core.InputDigest;
import dev.runbook.core.OutputLayout;
import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.load.LoadOptions;
import dev.runbook.site.SiteRun;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.policy.FailOn;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * One goal, once, in a fresh JVM, the way its mojo calls it (without Maven around it): what a
 * {@code mvn runbook:site} or {@code runbook:validate -Drunbook.offline=true} costs beyond Maven's own start.
 * Not a test: numbers for bench/RESULTS.md. Usage: bench/incremental.sh (or java OneShot site|validate CONTENT PROJECT).
 * Prints the goal's own time; debug lines with -Ddebug=true.
 */
public class OneShot {
    public static void main(String[] args) throws Exception {
        String goal = args[0];
        Path content = Path.of(args[1]).toAbsolutePath();
        Path project = Path.of(args[2]).toAbsolutePath();
        boolean debug = Boolean.getBoolean("debug");
        RunLog log = new RunLog() {
            public void info(String m) { }
            public void warn(String m) { }
            public void debug(String m) { if (debug) System.out.println("[debug] " + m); }
        };
        OutputLayout layout = new OutputLayout(project.resolve("target"));
        LocalDate today = LocalDate.parse("2026-11-22");
        long start = System.nanoTime();
        if (goal.equals("site")) {
            new SiteRun(log).run(SiteRun.Options.walking(content, layout, layout.siteDirectory(), null, "Runbooks", null,
                    false, today, StatusSource.reviewOnly(new ReviewSchedule(null), today), "bench", Map.of(),
                    InputDigest.codeSourceOf(SiteRun.class)).withLoad(LoadOptions.DEFAULTS));
        } else {
            try {
                new ValidationRun(log).run(new ValidateOptions(content, project, project.resolve("target"), today,
                        FailOn.NONE, Map.of(), null,
                        RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true)), "bench",
                        LoadOptions.DEFAULTS));
            } catch (RunbookProblemException e) {
                // findings: the reports are written
            }
        }
        System.out.printf("%s: %d ms in the goal%n", goal, (System.nanoTime() - start) / 1_000_000);
    }
}
