package dev.runbook.validate;

import dev.runbook.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A sink that rules running on several threads may share; {@link #sorted()} gives the findings in report order. */
public final class ConcurrentFindingSink implements FindingSink {

    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
    private final Set<String> incomplete = ConcurrentHashMap.newKeySet();

    @Override
    public void report(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void incomplete(String relativePath) {
        incomplete.add(relativePath);
    }

    /** The pages a rule said its findings on may be incomplete ({@link FindingSink#incomplete}). */
    public Set<String> incomplete() {
        return Set.copyOf(incomplete);
    }

    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Finding.ORDER);
        return out;
    }
}
