package dev.runbook.alerts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert cross-check's configuration.
 *
 * @param ruleGlobs    {@code alertRules}: globs of rule files, relative to {@code projectBase}; empty switches the
 *                     cross-check (and the {@code alert.*} rules, the alert panel and {@code alerts.html}) off
 * @param runbookBases {@code alertRunbookBases}: URL prefix → folder in the content folder ({@code .} for the
 *                     content folder itself), in the order configured
 * @param projectBase  the Maven project's folder
 */
public record AlertSettings(List<String> ruleGlobs, Map<String, String> runbookBases, Path projectBase) {

    public static final AlertSettings OFF = new AlertSettings(List.of(), Map.of(), Path.of("."));

    public AlertSettings {
        ruleGlobs = ruleGlobs == null ? List.of() : ruleGlobs.stream().filter(g -> g != null && !g.isBlank()).map(String::strip).toList();
        runbookBases = runbookBases == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runbookBases));
        projectBase = projectBase == null ? Path.of(".") : projectBase;
    }

    public boolean enabled() {
        return !ruleGlobs.isEmpty();
    }
}
