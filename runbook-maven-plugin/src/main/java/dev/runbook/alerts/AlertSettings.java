package dev.runbook.alerts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The folders to watch for edits of the rule files: for each glob, the folder its fixed leading segments
     * name (the part before the first {@code *}, {@code ?}, <code>[</code> or <code>{</code>), which exists or
     * will hold matching files. A glob with no fixed folder watches the project folder itself.
     */
    public List<Path> watchRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        for (String glob : ruleGlobs) {
            String[] segments = glob.replace('\\', '/').split("/");
            Path root = projectBase;
            for (int i = 0; i < segments.length - 1; i++) {
                String segment = segments[i];
                if (segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                    break;
                }
                root = root.resolve(segment);
            }
            roots.add(root.normalize());
        }
        return List.copyOf(roots);
    }
}
