package dev.runbook.validate.policy;

import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;

import java.util.Locale;

/**
 * The lowest severity that fails the build: {@code error} (default) or {@code warning}; {@code none} writes
 * the reports and never fails, for builds where {@code runbook:report} is the gate. Info never fails.
 */
public enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    public boolean fails(Finding finding) {
        return threshold != null && finding.severity() != Severity.INFO && finding.severity().atLeast(threshold);
    }

    public static FailOn parse(String value) throws SetupException {
        if (value == null || value.isBlank()) {
            return ERROR;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SetupException("failOn is '" + value + "'; use 'error', 'warning' or 'none'");
        }
    }
}
