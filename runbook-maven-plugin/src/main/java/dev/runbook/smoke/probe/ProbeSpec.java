package dev.runbook.smoke.probe;

/**
 * What a smoke block's probe lines ask for, with {@code {{name}}} placeholders still unresolved: parsing
 * is pure, and the environment is applied only when the check runs. Each kind's record lives in its
 * folder under {@code dev.runbook.smoke.kind} and runs its own probe, so the runner needs no list of kinds.
 */
public interface ProbeSpec {

    /** File line of the probe. */
    int line();

    /** Runs the probe once; sends nothing until every host involved passed the environment's allowlist. */
    Observation observe(ProbeContext context) throws ProbeRefusedException, InterruptedException;

    /**
     * The operation that changes state on the server (e.g. {@code POST}), named in the error when the fence
     * lacks {@code write=true}; null when the probe only reads.
     */
    default String writeOperation() {
        return null;
    }

    /**
     * What a block without any {@code expect} line asserts, as an expectation's text: by default that the
     * probe got an answer. Without it a bare {@code curl URL} would pass on a 503.
     */
    default String impliedExpectation() {
        return "connected == true";
    }

    /**
     * This probe as the block's assertions need it: a probe may skip work no assertion looks at (a WebSocket
     * check that asserts nothing about {@code message} ends at the handshake). Default: unchanged.
     */
    default ProbeSpec forSubjects(java.util.Set<Subject> asserted) {
        return this;
    }

    /**
     * This probe with writes allowed, for a fence with {@code write=true}; kinds whose server enforces
     * read-only access (sql, redis) relax it here. Others return themselves.
     */
    default ProbeSpec allowingWrites() {
        return this;
    }

    /** A status from which the answer fails unless an explicit status assertion says otherwise (curl {@code -f}), or null. */
    default Integer implicitMaxStatus() {
        return null;
    }
}
