package dev.runbook.smoke.assertion;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The right-hand side of an assertion: a quoted string, a number, a duration or a boolean, with the text
 * as written (failure messages repeat it verbatim).
 */
public sealed interface ExpectedValue {

    String written();

    record Text(String value, String written) implements ExpectedValue {
    }

    record Number(BigDecimal value, String written) implements ExpectedValue {
    }

    record Time(Duration value, String written) implements ExpectedValue {
    }

    record Bool(boolean value, String written) implements ExpectedValue {
    }

    /** For {@code exists}, which takes no value. */
    record None() implements ExpectedValue {
        @Override
        public String written() {
            return "";
        }
    }
}
