package dev.runbook.validate.links.external;

/**
 * The verdict on one URL. {@code detail} is what the user reads ("404 Not Found", "connection refused");
 * {@code movedTo} is set when every redirect on the way was permanent (301/308): the link should be updated.
 */
public record CheckResult(String url, Outcome outcome, String detail, String movedTo) {

    public enum Outcome {
        /** Reachable. */
        OK,
        /** Gone or unreachable for sure: 404/410, DNS, TLS, connection refused. */
        BROKEN,
        /** Could not be confirmed: 403/429/999, 5xx, timeouts. */
        DOUBTFUL,
        /** Not checked (private host, excluded, offline). */
        SKIPPED
    }

    public static CheckResult ok(String url, String movedTo) {
        return new CheckResult(url, Outcome.OK, "ok", movedTo);
    }

    public static CheckResult broken(String url, String detail) {
        return new CheckResult(url, Outcome.BROKEN, detail, null);
    }

    public static CheckResult doubtful(String url, String detail) {
        return new CheckResult(url, Outcome.DOUBTFUL, detail, null);
    }

    public static CheckResult skipped(String url, String detail) {
        return new CheckResult(url, Outcome.SKIPPED, detail, null);
    }
}
