package dev.runbook.findings;

import java.util.Locale;

/** How much a finding matters. {@link #INFO} is a hint that never fails a build. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Kept, not lowered on each call: the reports ask for it once per finding, 25,000 times on a large tree. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case name, as written in reports and configuration. */
    public String label() {
        return label;
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
