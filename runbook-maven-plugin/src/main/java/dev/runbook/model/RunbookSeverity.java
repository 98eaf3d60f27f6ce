package dev.runbook.model;

import java.util.Locale;
import java.util.Optional;

/** How urgent the incident a runbook handles is: P0 (worst) to P4. SEV1..SEV4 map to P1..P4. */
public enum RunbookSeverity {
    P0, P1, P2, P3, P4;

    public static Optional<RunbookSeverity> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.matches("P[0-4]")) {
            return Optional.of(values()[v.charAt(1) - '0']);
        }
        if (v.matches("SEV[1-4]")) {
            return Optional.of(values()[v.charAt(3) - '0']);
        }
        return Optional.empty();
    }
}
