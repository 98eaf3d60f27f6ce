package dev.runbook.validate;

import dev.runbook.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A sink that rules running on several threads may share; {@link #sorted()} gives the findings in report order. */
public final class ConcurrentFindingSink implements FindingSink {

    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();

    @Override
    public void report(Finding finding) {
        findings.add(finding);
    }

    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Finding.ORDER);
        return out;
    }
}
