package dev.runbook.status;

import dev.runbook.model.FrontMatter;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * When a runbook is due for review: {@code last_reviewed + review_every} (or the configured default
 * interval). The {@code review.overdue} rule, the site badge and the gate report all ask this one class.
 */
public final class ReviewSchedule {

    public static final Period DEFAULT_INTERVAL = Period.ofDays(90);

    private final Period defaultInterval;

    public ReviewSchedule(Period defaultInterval) {
        this.defaultInterval = defaultInterval == null ? DEFAULT_INTERVAL : defaultInterval;
    }

    public Period defaultInterval() {
        return defaultInterval;
    }

    public Optional<LocalDate> dueDate(FrontMatter frontMatter) {
        if (frontMatter.lastReviewed() == null) {
            return Optional.empty();
        }
        Period interval = frontMatter.reviewEvery() != null ? frontMatter.reviewEvery() : defaultInterval;
        return Optional.of(frontMatter.lastReviewed().plus(interval));
    }

    public boolean isOverdue(FrontMatter frontMatter, LocalDate today) {
        return dueDate(frontMatter).map(due -> due.isBefore(today)).orElse(false);
    }
}
