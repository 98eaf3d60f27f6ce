package dev.runbook.smoke.probe;

/** Runs one kind of probe. Implementations send nothing until every host involved passed the allowlist. */
public interface Probe<S extends ProbeSpec> {

    Observation run(S spec, ProbeContext context) throws ProbeRefusedException, InterruptedException;

    /** A short, user-facing reason for a network exception. */
    static String describe(Exception e, java.time.Duration timeout) {
        if (e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "no response within " + dev.runbook.core.time.Durations.format(timeout) + " (timeout)";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS handshake failed: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
