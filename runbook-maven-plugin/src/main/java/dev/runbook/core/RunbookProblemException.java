package dev.runbook.core;

/** The runbooks themselves are at fault (findings over policy, failing smoke checks): a build failure. */
public class RunbookProblemException extends Exception {

    public RunbookProblemException(String message) {
        super(message);
    }
}
