package dev.runbook.findings;

import dev.runbook.model.SourcePosition;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in one file. {@code file} is the path below the content root ('/' separators);
 * {@code hint} says how to fix it and may be null.
 */
public record Finding(String ruleId, Severity severity, String file, int line, int column, String message, String hint) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    public Finding(String ruleId, Severity severity, String file, SourcePosition at, String message, String hint) {
        this(ruleId, severity, file, at.line(), at.column(), message, hint);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, file, line, column, message, hint);
    }

    /** The console form: {@code path:line:col: severity [rule] message}. */
    public String toConsoleLine() {
        return file + ":" + line + ":" + column + ": " + severity.label() + " [" + ruleId + "] " + message
                + (hint == null || hint.isBlank() ? "" : " (fix: " + hint + ")");
    }
}
