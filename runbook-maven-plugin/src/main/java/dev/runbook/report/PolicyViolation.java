package dev.runbook.report;

import java.util.List;

/**
 * One policy line that the runbooks break, e.g. {@code maxErrors=0} with 3 errors, and the runbooks that
 * cause it (the ones a reviewer must chase).
 */
public record PolicyViolation(String rule, String explanation, List<String> blockingRunbooks) {

    public PolicyViolation {
        blockingRunbooks = List.copyOf(blockingRunbooks);
    }
}
