package dev.runbook.findings;

import java.util.Locale;

/** How much a finding matters. {@link #INFO} is a hint that never fails a build. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower-case name, as written in reports and configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
