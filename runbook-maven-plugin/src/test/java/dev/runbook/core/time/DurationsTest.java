package dev.runbook.core.time;

import dev.runbook.core.SetupException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {

    @Test
    void durationsInEveryFormTheThreeOldGrammarsTook() {
        // smoke blocks: 300ms, 5s, 2m, 1h, 7d
        assertEquals(Duration.ofMillis(300), Durations.duration("300ms"));
        assertEquals(Duration.ofSeconds(5), Durations.duration("5s"));
        assertEquals(Duration.ofMinutes(2), Durations.duration("2m"));
        assertEquals(Duration.ofHours(1), Durations.duration("1h"));
        assertEquals(Duration.ofDays(7), Durations.duration("7d"));
        // plugin parameters: weeks, a bare number of seconds, spaces, any case
        assertEquals(Duration.ofDays(14), Durations.duration("2w"));
        assertEquals(Duration.ofSeconds(30), Durations.duration("30"));
        assertEquals(Duration.ofMinutes(5), Durations.duration(" 5 m "));
        assertEquals(Duration.ofMillis(500), Durations.duration("500MS"));
        assertEquals(Duration.ZERO, Durations.duration("0s"));
    }

    @Test
    void durationWordsCountAMonthAsThirtyDaysAndAYearAs365() {
        assertEquals(Duration.ofDays(90), Durations.duration("90 days"));
        assertEquals(Duration.ofDays(1), Durations.duration("1 day"));
        assertEquals(Duration.ofDays(14), Durations.duration("2 weeks"));
        assertEquals(Duration.ofDays(180), Durations.duration("6 months"));
        assertEquals(Duration.ofDays(365), Durations.duration("1 year"));
        assertEquals(Duration.ofDays(365), Durations.duration("1y"));
        assertEquals(Duration.ofHours(2), Durations.duration("2 hours"));
        assertEquals(Duration.ofMinutes(1), Durations.duration("1 minute"));
        assertEquals(Duration.ofSeconds(90), Durations.duration("90 seconds"));
        assertEquals(Duration.ofMillis(250), Durations.duration("250 milliseconds"));
    }

    @Test
    void notADuration() {
        for (String text : new String[] {"", "  ", "s", "5x", "-5s", "1.5s", "5 s s", "five seconds", "5sec", "1d2h",
                "99999999999999999999s", "9223372036854775807d", null}) {
            assertNull(Durations.duration(text), String.valueOf(text));
        }
    }

    @Test
    void periodsKeepCalendarMonthsAndYears() {
        assertEquals(Period.ofDays(90), Durations.period("90d"));
        assertEquals(Period.ofWeeks(12), Durations.period("12w"));
        assertEquals(Period.ofMonths(6), Durations.period("6m"));
        assertEquals(Period.ofYears(1), Durations.period("1Y"));
        assertEquals(Period.ofDays(90), Durations.period("90 days"));
        assertEquals(Period.ofDays(1), Durations.period("1 day"));
        assertEquals(Period.ofWeeks(2), Durations.period("2 weeks"));
        assertEquals(Period.ofMonths(6), Durations.period("6 months"));
        assertEquals(Period.ofYears(1), Durations.period("1 year"));
        assertEquals(Period.ofDays(90), Durations.period("90"));
        // Calendar arithmetic: one month after 31 January is the end of February, not 30 days later.
        assertEquals(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 1, 31).plus(Durations.period("1 month")));
    }

    @Test
    void notAPeriod() {
        for (String text : new String[] {"", "d", "6h", "5s", "6 mo", "-1d", "1.5m", "9999999999d", "999999999w", null}) {
            assertNull(Durations.period(text), String.valueOf(text));
        }
    }

    @Test
    void configurationErrorsNameTheParameterAndTheAcceptedForms() throws SetupException {
        assertEquals(Duration.ofDays(7), Durations.duration("runbook.smoke.maxAge", "1w"));
        SetupException e = assertThrows(SetupException.class, () -> Durations.duration("runbook.smoke.maxAge", "soon"));
        assertTrue(e.getMessage().startsWith("runbook.smoke.maxAge is 'soon'; write a duration such as 500ms, 10s, 5m (minutes)"),
                e.getMessage());
        SetupException p = assertThrows(SetupException.class, () -> Durations.period("runbook.reviewEvery", "often"));
        assertTrue(p.getMessage().contains("90d, 12w, 6m (months), 1y or words such as 90 days"), p.getMessage());
    }
}
