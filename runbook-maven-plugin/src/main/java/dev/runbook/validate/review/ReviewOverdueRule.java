package dev.runbook.validate.review;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.FrontMatter;
import dev.runbook.model.Runbook;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * {@code review.overdue}: {@code last_reviewed + review_every} (or the configured default interval) is
 * before the build date. Runbooks without {@code last_reviewed} are not judged.
 */
public final class ReviewOverdueRule implements Rule {

    public static final String ID = "review.overdue";

    private final ReviewSchedule schedule;
    private final Period defaultInterval;

    public ReviewOverdueRule(Period defaultInterval) {
        this.defaultInterval = defaultInterval == null ? ReviewSchedule.DEFAULT_INTERVAL : defaultInterval;
        this.schedule = new ReviewSchedule(this.defaultInterval);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "The runbook's review is overdue: last_reviewed + review_every is before the build date");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Its findings on a page depend on that page and the build date: validate keeps them per page and day. */
    @Override
    public String perPageKey(ValidationContext context) {
        return "buildDate=" + context.buildDate() + ";default=" + defaultInterval;
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        FrontMatter frontMatter = runbook.frontMatter();
        LocalDate today = context.buildDate();
        if (!schedule.isOverdue(frontMatter, today)) {
            return;
        }
        LocalDate due = schedule.dueDate(frontMatter).orElseThrow();
        long days = ChronoUnit.DAYS.between(due, today);
        Period interval = frontMatter.reviewEvery() != null ? frontMatter.reviewEvery() : defaultInterval;
        sink.report(this, runbook, frontMatter.positionOf("last_reviewed"),
                "review overdue: last reviewed " + frontMatter.lastReviewed() + ", due " + due + " (every "
                        + describe(interval) + "), " + days + (days == 1 ? " day" : " days") + " overdue",
                "walk through the procedure, fix what changed, then set last_reviewed to the review date");
    }

    private static String describe(Period period) {
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays() + "d";
        }
        return period.toString().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
