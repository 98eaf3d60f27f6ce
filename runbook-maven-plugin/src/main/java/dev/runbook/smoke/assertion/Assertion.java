package dev.runbook.smoke.assertion;

import dev.runbook.smoke.probe.Subject;

/**
 * {@code expect <subject> [argument] <op> [value]}, with its place in the file.
 *
 * @param argument header name or JSONPath, else null
 */
public record Assertion(Subject subject, String argument, boolean negated, Operator operator, ExpectedValue expected, int line) {

    public Assertion(Subject subject, String argument, Operator operator, ExpectedValue expected, int line) {
        this(subject, argument, false, operator, expected, line);
    }

    /** The predicate as written: {@code contains "x"} or {@code not contains "x"}. */
    public String predicateText() {
        String value = expected.written();
        return (negated ? "not " : "") + operator.symbol() + (value.isEmpty() ? "" : " " + value);
    }

    /** The subject as written, e.g. {@code json $.status} or {@code header Content-Type}. */
    public String subjectText() {
        return argument == null ? subject.keyword() : subject.keyword() + " " + argument;
    }

    @Override
    public String toString() {
        return subjectText() + " " + predicateText();
    }
}
