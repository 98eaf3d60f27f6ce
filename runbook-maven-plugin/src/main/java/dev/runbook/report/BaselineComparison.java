package dev.runbook.report;

import dev.runbook.findings.Finding;

import java.util.List;

/**
 * What changed since the baseline (e.g. the last release's report): findings that are new or gone, and
 * runbooks that were added, changed or removed. {@code present} is false when no baseline was given.
 */
public record BaselineComparison(boolean present, String baselineLabel, List<Finding> newFindings, List<Finding> fixedFindings,
                                 List<String> addedRunbooks, List<String> changedRunbooks, List<String> removedRunbooks) {

    public BaselineComparison {
        newFindings = List.copyOf(newFindings);
        fixedFindings = List.copyOf(fixedFindings);
        addedRunbooks = List.copyOf(addedRunbooks);
        changedRunbooks = List.copyOf(changedRunbooks);
        removedRunbooks = List.copyOf(removedRunbooks);
    }

    public static BaselineComparison none() {
        return new BaselineComparison(false, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return newFindings.isEmpty() && fixedFindings.isEmpty() && addedRunbooks.isEmpty() && changedRunbooks.isEmpty()
                && removedRunbooks.isEmpty();
    }
}
