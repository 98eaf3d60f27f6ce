package dev.runbook.hostile;

import dev.runbook.core.LinesLog;
import dev.runbook.load.ContentLoader;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.policy.FailOn;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark driver for bench/pathological.sh (#14): validates (offline) and builds the site of one content
 * folder in this JVM, printing the wall time of each. Arguments: content folder, scratch folder, and
 * {@code validate}, {@code site} or {@code both} (default).
 */
public final class PathologicalPagesRun {

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String mode = args.length > 2 ? args[2] : "both";
        LocalDate today = LocalDate.of(2026, 11, 22);
        List<String> lines = new ArrayList<>();

        long start = System.nanoTime();
        if (!mode.equals("site")) {
        RuleSettings rules = RuleSettings.defaults()
                .withLinks(LinkCheckSettings.defaults().withOffline(true))
                .withShellCheck(new RuleSettings.ShellCheck(RuleSettings.ShellCheck.Mode.OFF, null, Set.of()));
        var report = new ValidationRun(new LinesLog(lines)).run(new ValidateOptions(content, work, work.resolve("target"), today,
                FailOn.NONE, Map.of(), null, rules, "bench"));
        System.out.printf("validate: %d findings in %.2f s%n", report.findings().size(), (System.nanoTime() - start) / 1e9);
        if (Boolean.getBoolean("bench.verbose")) {
            lines.stream().filter(l -> l.startsWith("DEBUG") && l.contains(" ms")).forEach(System.out::println);
            lines.clear();
        }
        }
        if (mode.equals("validate")) {
            return;
        }

        start = System.nanoTime();
        var result = new SiteBuilder().build(new SiteRequest(new ContentLoader().load(content), work.resolve("site"),
                work.resolve("site-state.json"), null, "Bench", null, false,
                StatusSource.reviewOnly(new ReviewSchedule(null), today), today, "bench", 2, new LinesLog(lines)));
        System.out.printf("site: %s in %.2f s%n", result.summary(), (System.nanoTime() - start) / 1e9);
        if (Boolean.getBoolean("bench.verbose")) {
            lines.stream().filter(l -> l.startsWith("DEBUG") && l.contains(" ms")).forEach(System.out::println);
        }
    }
}
