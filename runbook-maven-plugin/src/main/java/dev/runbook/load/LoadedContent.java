package dev.runbook.load;

import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every runbook under a content root, sorted by path, with the findings loading produced.
 *
 * @param inputHashes the SHA-256 (hex) of each runbook's file <em>bytes</em> as loaded, by relative path, when
 *                    the loader computed it (for its page cache); may lack any runbook
 */
public record LoadedContent(Path root, List<Runbook> runbooks, List<Finding> findings, Map<String, String> inputHashes) {

    public LoadedContent {
        runbooks = List.copyOf(runbooks);
        findings = List.copyOf(findings);
        inputHashes = Map.copyOf(inputHashes);
    }

    public LoadedContent(Path root, List<Runbook> runbooks, List<Finding> findings) {
        this(root, runbooks, findings, Map.of());
    }

    /** The SHA-256 of the runbook's file bytes as loaded, or null when the loader did not compute it. */
    public String inputHash(String relativePath) {
        return inputHashes.get(relativePath);
    }

    public Optional<Runbook> byRelativePath(String relativePath) {
        return runbooks.stream().filter(r -> r.relativePath().equals(relativePath)).findFirst();
    }

    public Map<String, Runbook> byRelativePath() {
        return runbooks.stream().collect(Collectors.toUnmodifiableMap(Runbook::relativePath, Function.identity()));
    }
}
