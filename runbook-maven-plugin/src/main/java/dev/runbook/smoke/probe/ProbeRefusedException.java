package dev.runbook.smoke.probe;

/**
 * The check cannot run as written in this environment (host not allowed, unknown placeholder, missing
 * secret, unsupported record type). Thrown before anything is sent; the check is reported as an error.
 */
public final class ProbeRefusedException extends Exception {

    public ProbeRefusedException(String message) {
        super(message, null, false, false);
    }
}
