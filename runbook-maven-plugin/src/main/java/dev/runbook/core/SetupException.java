package dev.runbook.core;

/** The configuration or the machine is at fault (missing folder, bad template, unwritable output). */
public class SetupException extends Exception {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
