package dev.runbook.smoke.probe;

import java.util.Set;

/**
 * One kind of smoke probe (http, tcp, …): how its first line is recognised and read, what {@code expect}
 * may look at, and (through its {@link ProbeSpec}) how it runs. One class per kind, each in its own folder
 * under {@code dev.runbook.smoke.kind}, listed once in {@code dev.runbook.smoke.kind.ProbeKinds}.
 *
 * @param <S> the kind's parsed probe
 */
public interface ProbeKind<S extends ProbeSpec> {

    /** The kind's name in docs and messages: http, tcp, tls, websocket, dns. */
    String keyword();

    /** The first line's forms, for the "unknown probe" hint, e.g. {@code tcp host:port}. */
    String synopsis();

    /** The subjects an {@code expect} line may use with this kind. */
    Set<Subject> subjects();

    /** Whether this kind reads a block whose first probe line (trimmed) is {@code firstLine}. At most one kind claims a line. */
    boolean claims(String firstLine);

    /** Reads the probe from the cursor's line on, leaving the cursor after the lines it read. */
    S parse(ProbeLines lines) throws SyntaxException;

    /**
     * A line after the probe that is not an {@code expect} line: the spec with the line taken in, or null when
     * this kind has no such lines (the parser then reports it with {@link #afterProbeHint()}).
     */
    default S afterProbe(S spec, String trimmedLine) {
        return null;
    }

    /** The hint when a line after the probe is neither {@code expect} nor one {@link #afterProbe} takes. */
    default String afterProbeHint() {
        return "after the probe, one assertion per line: expect <subject> <op> <value>";
    }

    /**
     * Called when no kind claims the first line: throws a specific error when the line is a near miss of
     * this kind (e.g. {@code get /x} for http), else returns.
     */
    default void rejectNearMiss(ProbeLines lines) throws SyntaxException {
    }
}
