package dev.runbook.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report files of one run, published together: every file is written whole beside its target first,
 * and only when all are written are they moved into place, one rename each. A run that fails or is killed
 * while writing leaves every previous report as it was (no reader ever sees one file of the new run beside
 * one of the old), and what it left beside them is removed when it fails and at the next run's start.
 * Between the renames themselves a reader can still meet two runs; each file names its run id, so a reader
 * that needs the set (the release report) can tell.
 */
public final class ReportSet {

    private final Map<Path, Path> staged = new LinkedHashMap<>();

    /** Removes what an earlier, killed run left beside these targets, before anything is written. */
    public static ReportSet of(List<Path> targets) throws IOException {
        ReportSet set = new ReportSet();
        for (Path target : targets) {
            removeLeftovers(target);
            set.staged.put(target, null);
        }
        return set;
    }

    /** Where to write {@code target}'s next version; it is published by {@link #publish}. */
    public Path stage(Path target) throws IOException {
        if (!staged.containsKey(target)) {
            throw new IllegalArgumentException(target + " is not part of this report set");
        }
        Path temp = AtomicFiles.temporaryFor(target);
        staged.put(target, temp);
        return temp;
    }

    /** Moves every staged file into place, in the order the targets were given. */
    public void publish() throws IOException {
        for (Map.Entry<Path, Path> entry : staged.entrySet()) {
            if (entry.getValue() == null || !Files.isRegularFile(entry.getValue())) {
                throw new IllegalStateException(entry.getKey() + " was not written before the set was published");
            }
        }
        CrashPoint.reached("reports.staged");
        int moved = 0;
        for (Map.Entry<Path, Path> entry : staged.entrySet()) {
            AtomicFiles.moveReplacing(entry.getValue(), entry.getKey());
            CrashPoint.reached("reports.published-" + ++moved);
        }
    }

    /** Deletes whatever this set staged and did not publish (a writer failed half-way); no-op after publish. */
    public void discard() {
        for (Path target : staged.keySet()) {
            try {
                removeLeftovers(target);
            } catch (IOException ignored) {
                // The next run's start removes it.
            }
        }
    }

    /**
     * Deletes the hidden temporaries beside {@code target}: {@code .name.<id>.tmp} (a staged file) and
     * {@code ..name.<id>.tmp.<id>.tmp} (a writer's own temporary for it).
     */
    static void removeLeftovers(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String name = target.getFileName().toString();
        try (var siblings = Files.list(dir)) {
            for (Path sibling : (Iterable<Path>) siblings::iterator) {
                String file = sibling.getFileName().toString();
                String bare = file.replaceFirst("^\\.+", "");
                if (file.startsWith(".") && bare.startsWith(name + ".") && file.endsWith(".tmp")) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }
}
