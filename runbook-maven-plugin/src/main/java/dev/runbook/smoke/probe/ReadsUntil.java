package dev.runbook.smoke.probe;

import java.util.function.Predicate;

/**
 * A probe that reads a stream and stops as soon as what arrived satisfies the block's expectations (rather
 * than waiting for the timeout or the peer to close). The runner hands it the predicate built from the
 * block's {@code expect message …} lines.
 */
public interface ReadsUntil {

    /** This spec, reading until {@code enough} holds for the text received so far. */
    ProbeSpec until(Predicate<String> enough);
}
