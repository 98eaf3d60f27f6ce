package dev.runbook.validate;

import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.policy.FailOn;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** failOn=none leaves the verdict to the release gate. */
class FailOnNoneTest {

    private static final Finding ERROR = new Finding("link.file", Severity.ERROR, "a.md", 1, 1, "missing", null);

    @Test
    void noneNeverFailsErrorStillDoes() throws SetupException {
        assertSame(FailOn.NONE, FailOn.parse("none"));
        assertFalse(FailOn.NONE.fails(ERROR));
        assertTrue(FailOn.parse("error").fails(ERROR));
    }

    @Test
    void anUnknownLevelNamesTheChoices() {
        SetupException e = assertThrows(SetupException.class, () -> FailOn.parse("fatal"));
        assertTrue(e.getMessage().contains("'error', 'warning' or 'none'"), e.getMessage());
    }
}
