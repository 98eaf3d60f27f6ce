package dev.runbook.validate.policy;

import dev.runbook.core.SetupException;
import dev.runbook.findings.Severity;

import java.util.Locale;

/** What a user may set a rule to: {@code off}, {@code warning} or {@code error}. */
public enum RuleLevel {
    OFF, WARNING, ERROR;

    /** The severity findings get, or null for {@link #OFF}. */
    public Severity severity() {
        return switch (this) {
            case OFF -> null;
            case WARNING -> Severity.WARNING;
            case ERROR -> Severity.ERROR;
        };
    }

    public static RuleLevel parse(String rule, String value) throws SetupException {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new SetupException("severity of rule " + rule + " is '" + value + "'; use off, warning or error");
        }
    }
}
