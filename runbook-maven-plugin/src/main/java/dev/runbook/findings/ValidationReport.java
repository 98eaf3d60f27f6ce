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
        try {
            RunIdDigest digest = new RunIdDigest(java.security.MessageDigest.getInstance("SHA-256"));
            digest.add(String.valueOf(buildDate));
            runbooks.forEach(digest::add);
            digest.add("\u0001findings");
            findings.forEach(digest::add);
            digest.add("\u0001baselined");
            baselined.forEach(digest::add);
            digest.add(contentPrefix);
            return java.util.HexFormat.of().formatHex(digest.finish(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The run id's hash input: each part's UTF-8 bytes and a zero byte. Fed part by part, not as one string
     * (one string of 100,000 findings would cost more than the reports themselves), and gathered into 64 KiB
     * before the digest sees them: 175,000 small updates cost more than the hashing itself.
     */
    private static final class RunIdDigest {
        private final java.security.MessageDigest sha;
        private final byte[] buffer = new byte[1 << 16];
        private int position;

        RunIdDigest(java.security.MessageDigest sha) {
            this.sha = sha;
        }

        void add(Finding f) {
            add(f.ruleId());
            add(f.severity().label());
            add(f.file());
            add(Integer.toString(f.line()));
            add(Integer.toString(f.column()));
            add(f.message());
            add(String.valueOf(f.hint()));
        }

        void add(String part) {
            byte[] bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (position + bytes.length + 1 > buffer.length) {
                sha.update(buffer, 0, position);
                position = 0;
                if (bytes.length + 1 > buffer.length) {
                    sha.update(bytes);
                    sha.update((byte) 0);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
            buffer[position++] = 0;
        }

        byte[] finish() {
            sha.update(buffer, 0, position);
            return sha.digest();
        }
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
