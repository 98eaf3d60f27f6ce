package dev.runbook.smoke.results;

import java.util.Locale;

/** How one smoke block ended. */
public enum Outcome {
    /** Every assertion held. */
    PASS,
    /** The probe ran and an assertion did not hold, or no answer came (refused, timeout). */
    FAIL,
    /** The check could not run as written here: host not allowed, unknown placeholder, missing secret. */
    ERROR,
    /** Not run: the block does not parse, or the run's deadline came first. */
    SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Fail and error both mean the runbook cannot be trusted as written. */
    public boolean isProblem() {
        return this == FAIL || this == ERROR;
    }
}
