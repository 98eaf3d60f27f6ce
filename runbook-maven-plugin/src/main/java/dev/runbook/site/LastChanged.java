package dev.runbook.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The day each runbook last changed, for the "Last changed" line of its page: the date of the last commit
 * that touched the file when the content folder is in a git work tree, else the file's modification time
 * (never the build date). Commit dates keep the site reproducible from a checkout; a file git does not
 * track, or a folder outside git, falls back to its modification time.
 *
 * <p>Uses the git command line, not JGit: git is on every machine that has a checkout, one {@code git log}
 * reads the whole history once for all files (at 10,000 runbooks that is one process, not 10,000 walks),
 * and JGit would add a 3 MB dependency for the same answer. No shell is involved; a missing git, a
 * folder outside a work tree or a failing command simply means modification times.
 */
public final class LastChanged {

    private static final long TIMEOUT_SECONDS = 60;

    private LastChanged() {
    }

    /**
     * What the answer depends on beyond the files themselves: the work tree's current commit ("none" when
     * the folder is not in a git work tree). Part of the site's input digest, so a commit rebuilds the pages.
     */
    public static String revision(Path contentRoot) {
        List<String> out = git(contentRoot, "rev-parse", "HEAD");
        return out == null || out.isEmpty() ? "none" : out.get(0).strip();
    }

    /** The day (UTC, ISO) each runbook last changed, by path relative to the content folder. */
    public static Map<String, String> of(Path contentRoot, Collection<String> relativePaths) {
        Map<String, Instant> committed = commitTimes(contentRoot);
        Map<String, String> days = new HashMap<>();
        for (String path : relativePaths) {
            Instant when = committed.get(path);
            if (when == null) {
                try {
                    when = Files.getLastModifiedTime(contentRoot.resolve(path)).toInstant();
                } catch (IOException e) {
                    continue; // the page then shows no date rather than a wrong one
                }
            }
            days.put(path, LocalDate.ofInstant(when, ZoneOffset.UTC).toString());
        }
        return days;
    }

    /** One pass over the history: the newest commit that touched each file wins (git log lists newest first). */
    private static Map<String, Instant> commitTimes(Path contentRoot) {
        List<String> lines = git(contentRoot, "-c", "core.quotepath=off", "log", "--relative", "--no-renames",
                "--name-only", "--format=%x01%ct", "--", ".");
        Map<String, Instant> times = new HashMap<>();
        if (lines == null) {
            return times;
        }
        Instant current = null;
        for (String line : lines) {
            if (line.startsWith("\u0001")) {
                try {
                    current = Instant.ofEpochSecond(Long.parseLong(line.substring(1).strip()));
                } catch (NumberFormatException e) {
                    current = null;
                }
            } else if (!line.isBlank() && current != null) {
                times.putIfAbsent(line, current);
            }
        }
        return times;
    }

    /** Runs git in the folder; null when git is missing, the folder is not in a work tree or git fails. */
    private static List<String> git(Path folder, String... arguments) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        Path out = null;
        try {
            out = Files.createTempFile("runbook-git-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            // Never ask for credentials or open an editor or pager; read the repository as it is.
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            builder.environment().put("GIT_PAGER", "cat");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                return null;
            }
            return process.exitValue() == 0 ? Files.readAllLines(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
