package dev.runbook.status;

/** What the last smoke run says of a runbook (DESIGN.md §5). */
public enum Verification {
    /** Every smoke block passed in a run no older than the configured maximum age. */
    VERIFIED,
    /** A smoke block failed: the procedure no longer matches reality. */
    FAILING,
    /** No smoke blocks, never run, or the last run is too old to trust. */
    UNVERIFIED
}
