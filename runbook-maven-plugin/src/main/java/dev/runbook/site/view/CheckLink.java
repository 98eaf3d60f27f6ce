package dev.runbook.site.view;

import dev.runbook.status.CheckStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A failing check as the status banner lists it: a link to the check's card on the same page (not to a
 * source line), with the check's name, what was seen, where and when.
 */
public record CheckLink(String anchor, String name, String message, String where) {

    public static List<CheckLink> failing(List<CheckStatus> checks) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
        return checks.stream().filter(CheckStatus::problem)
                .map(c -> new CheckLink(c.anchor(), c.name(), c.message(),
                        c.environment() + ", " + time.format(c.time().atOffset(ZoneOffset.UTC))))
                .toList();
    }
}
