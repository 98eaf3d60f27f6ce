package dev.runbook.load;

import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every runbook under a content root, sorted by path, with the findings loading produced. */
public record LoadedContent(Path root, List<Runbook> runbooks, List<Finding> findings) {

    public LoadedContent {
        runbooks = List.copyOf(runbooks);
        findings = List.copyOf(findings);
    }

    public Optional<Runbook> byRelativePath(String relativePath) {
        return runbooks.stream().filter(r -> r.relativePath().equals(relativePath)).findFirst();
    }

    public Map<String, Runbook> byRelativePath() {
        return runbooks.stream().collect(Collectors.toUnmodifiableMap(Runbook::relativePath, Function.identity()));
    }
}
