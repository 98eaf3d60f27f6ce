package dev.runbook.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the report writers need about one validation run.
 *
 * @param buildDate     the build's date
 * @param runbooks      every runbook path below the content root, sorted
 * @param findings      the findings that count, sorted
 * @param baselined     findings the baseline accepted (reported, never failing)
 * @param rules         every rule a finding may name (for SARIF descriptors and docs links)
 * @param contentPrefix the content root relative to the repository root, '/'-separated, "" or ending in '/'
 */
public record ValidationReport(LocalDate buildDate, List<String> runbooks, List<Finding> findings,
                               List<Finding> baselined, List<RuleInfo> rules, String contentPrefix) {

    /**
     * The run's id, carried by findings.json, the SARIF and the JUnit XML, so that a reader of several can
     * tell they belong together. Derived from the report's content: the same findings give the same id, and
     * rebuilt reports stay byte-identical.
     */
    public String runId() {
        // Fed part by part: one string of 100,000 findings would cost more than the reports themselves.
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            update(sha, String.valueOf(buildDate));
            runbooks.forEach(runbook -> update(sha, runbook));
            update(sha, "\u0001findings");
            findings.forEach(finding -> update(sha, finding));
            update(sha, "\u0001baselined");
            baselined.forEach(finding -> update(sha, finding));
            update(sha, contentPrefix);
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void update(java.security.MessageDigest sha, Finding f) {
        for (String part : new String[] {f.ruleId(), f.severity().label(), f.file(), Integer.toString(f.line()),
                Integer.toString(f.column()), f.message(), String.valueOf(f.hint())}) {
            update(sha, part);
        }
    }

    private static void update(java.security.MessageDigest sha, String part) {
        sha.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    public ValidationReport {
        runbooks = List.copyOf(runbooks);
        findings = List.copyOf(findings);
        baselined = List.copyOf(baselined);
        rules = List.copyOf(rules);
        if (!contentPrefix.isEmpty() && !contentPrefix.endsWith("/")) {
            contentPrefix = contentPrefix + "/";
        }
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public Map<String, Long> countsByRule() {
        Map<String, Long> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleId(), 1L, Long::sum));
        return counts;
    }

    /** Runbooks (and unreadable files) with at least one error or warning. */
    public long filesWithProblems() {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).map(Finding::file).distinct().count();
    }

    /** Runbooks with a finding above info; {@link #filesWithProblems()} also counts other files (alert rule files). */
    public long runbooksWithProblems() {
        java.util.Set<String> pages = new java.util.HashSet<>(runbooks);
        return findings.stream().filter(f -> f.severity() != Severity.INFO).map(Finding::file).filter(pages::contains)
                .distinct().count();
    }

    /** The path of a finding's file from the repository root. */
    public String repositoryPath(String file) {
        String path = contentPrefix + file;
        if (!path.contains("../")) {
            return path;
        }
        // A file beside the content folder (an alert rule file): content/../alerts/x.yaml is alerts/x.yaml.
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
