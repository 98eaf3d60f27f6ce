package dev.runbook.core;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** #12 point 6: the review clock is the real one unless runbook.asOf pins it. */
class BuildDateTest {

    private static final Clock REAL = Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC);

    @Test
    void unpinnedIsTheRealClockWhateverTheProjectsOutputTimestamp() throws Exception {
        // Maven passes an unset property through as null, or as the literal expression in some setups.
        assertEquals(REAL.instant(), BuildDate.instant(null, REAL));
        assertEquals(REAL.instant(), BuildDate.instant(" ", REAL));
        assertEquals(REAL.instant(), BuildDate.instant("${runbook.asOf}", REAL));
        assertEquals(LocalDate.parse("2026-12-04"), BuildDate.date(null, REAL));
        assertFalse(BuildDate.isPinned(null));
    }

    @Test
    void asOfPinsTheClockForReproducibleOutput() throws Exception {
        assertEquals(Instant.parse("2026-11-22T00:00:00Z"), BuildDate.instant("2026-11-22", REAL));
        assertEquals(Instant.parse("2026-11-22T09:30:00Z"), BuildDate.instant("2026-11-22T10:30:00+01:00", REAL));
        assertEquals(Instant.ofEpochSecond(1_795_000_000L), BuildDate.instant("1795000000", REAL));
        assertTrue(BuildDate.isPinned("2026-11-22"));
    }

    @Test
    void aMalformedAsOfIsASetupErrorThatSaysWhatToWrite() {
        SetupException e = assertThrows(SetupException.class, () -> BuildDate.instant("last tuesday", REAL));
        assertTrue(e.getMessage().contains("runbook.asOf is 'last tuesday'") && e.getMessage().contains("2026-12-04"), e.getMessage());
    }

    @Test
    void builtOnIsMavensOutputTimestampWhenSetElseToday() {
        assertEquals(LocalDate.parse("2026-11-30"), BuildDate.builtOn("2026-11-30T12:00:00Z", REAL));
        assertEquals(LocalDate.parse("2026-11-30"), BuildDate.builtOn("1796040000", REAL));
        assertEquals(LocalDate.parse("2026-12-04"), BuildDate.builtOn(null, REAL));
        assertEquals(LocalDate.parse("2026-12-04"), BuildDate.builtOn("${project.build.outputTimestamp}", REAL));
        assertEquals(LocalDate.parse("2026-12-04"), BuildDate.builtOn("last tuesday", REAL), "malformed: Maven reports it; we show today");
    }
}
