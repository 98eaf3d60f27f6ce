package dev.runbook.validate;

import dev.runbook.status.ReviewSchedule;
import dev.runbook.validate.links.external.LinkCheckSettings;

import java.time.Period;
import java.util.Set;

/**
 * Configuration of the built-in rules that have any.
 *
 * @param links                  how external links are checked
 * @param reviewEvery            default review interval for runbooks without {@code review_every}
 * @param allowedFrontMatterKeys extra front-matter keys that are not reported as unknown (e.g. Hugo's {@code weight})
 */
public record RuleSettings(LinkCheckSettings links, Period reviewEvery, Set<String> allowedFrontMatterKeys) {

    public RuleSettings {
        allowedFrontMatterKeys = Set.copyOf(allowedFrontMatterKeys);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(LinkCheckSettings.defaults(), ReviewSchedule.DEFAULT_INTERVAL, Set.of());
    }
}
