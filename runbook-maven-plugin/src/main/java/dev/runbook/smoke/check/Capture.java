package dev.runbook.smoke.check;

import dev.runbook.smoke.probe.Subject;

/**
 * {@code capture NAME = <subject> [argument]}: after its step passes, the subject's value becomes
 * {@code {{NAME}}} for the later steps of the block, and is masked like a secret in every output.
 */
public record Capture(String name, Subject subject, String argument, int line) {

    public String subjectText() {
        return argument == null ? subject.keyword() : subject.keyword() + " " + argument;
    }
}
