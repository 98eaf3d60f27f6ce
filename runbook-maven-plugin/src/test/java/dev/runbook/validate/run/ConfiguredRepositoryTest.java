package dev.runbook.validate.run;

import dev.runbook.findings.Finding;
import dev.runbook.findings.ValidationReport;
import dev.runbook.load.LoadOptions;
import dev.runbook.validate.Fixture;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.policy.FailOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue #15: a tech-docs tree that needs only configuration (no renamed file, no converted key) gets its
 * overdue reviews counted, with the clock pinned as runbook.asOf pins it.
 */
class ConfiguredRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void overdueReviewsAreCountedThroughAliasesAndPeriodWords() throws Exception {
        Fixture f = new Fixture(temp)
                .file("source/manual/alerts/disk-full.html.md.erb", page("Disk full", "2026-03-01", "6 months")) // due 2026-09-01
                .file("source/manual/alerts/high-load.html.md.erb", page("High load", "2026-06-01", "6 months")) // due 2026-12-01
                .file("source/manual/alerts/cert-expiry.html.md.erb", page("Cert expiry", "2025-10-01", "1 year")) // due 2026-10-01
                .file("source/manual/alerts/dns.html.md.erb", page("DNS", "2026-10-01", "2 weeks")) // due 2026-10-15
                .file("source/manual/index.html.md.erb", "---\ntitle: Manual\n---\nSee [disk](alerts/disk-full.html).\n")
                .file("source/layouts/layout.erb", "<%= yield %>\n")
                .file("config.rb", "activate :tech_docs\n");
        LoadOptions load = LoadOptions.of(List.of("source/**/*.html.md.erb"), List.of(),
                Map.of("last_reviewed_on", "last_reviewed", "review_in", "review_every", "owner_slack", "owner"));
        ValidationReport report = new ValidationRun(f.log()).run(new ValidateOptions(f.root(), temp, temp.resolve("target"),
                Fixture.BUILD_DATE, FailOn.ERROR, Map.of(), null,
                RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true)), "test", load));
        assertEquals(5, report.runbooks().size());
        assertEquals(List.of(
                        "review.overdue source/manual/alerts/cert-expiry.html.md.erb:4 review overdue: last reviewed 2025-10-01, due 2026-10-01 (every 1y), 52 days overdue",
                        "review.overdue source/manual/alerts/disk-full.html.md.erb:4 review overdue: last reviewed 2026-03-01, due 2026-09-01 (every 6m), 82 days overdue",
                        "review.overdue source/manual/alerts/dns.html.md.erb:4 review overdue: last reviewed 2026-10-01, due 2026-10-15 (every 14d), 38 days overdue"),
                report.findings().stream().map(ConfiguredRepositoryTest::line).toList());
    }

    private static String line(Finding f) {
        return f.ruleId() + " " + f.file() + ":" + f.line() + " " + f.message();
    }

    private static String page(String title, String reviewed, String every) {
        return "---\ntitle: " + title + "\nowner_slack: \"#ops\"\nlast_reviewed_on: " + reviewed + "\nreview_in: " + every
                + "\n---\n\n## Check\n";
    }
}
