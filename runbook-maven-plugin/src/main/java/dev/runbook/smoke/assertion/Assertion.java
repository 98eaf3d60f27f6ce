package dev.runbook.smoke.assertion;

import dev.runbook.smoke.probe.Subject;

/**
 * {@code expect <subject> [argument] <op> [value]}, with its place in the file.
 *
 * @param argument header name or JSONPath, else null
 */
public record Assertion(Subject subject, String argument, Operator operator, ExpectedValue expected, int line) {

    /** The subject as written, e.g. {@code json $.status} or {@code header Content-Type}. */
    public String subjectText() {
        return argument == null ? subject.keyword() : subject.keyword() + " " + argument;
    }

    @Override
    public String toString() {
        String value = expected.written();
        return subjectText() + " " + operator.symbol() + (value.isEmpty() ? "" : " " + value);
    }
}
