package dev.runbook.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** "Last changed" from a real git repository, and from modification times outside one. */
class LastChangedTest {

    @TempDir
    Path dir;

    @Test
    void committedFilesShowTheirLastCommitUntrackedOnesTheirModificationTime() throws Exception {
        Path content = Files.createDirectories(dir.resolve("repo/content"));
        Files.writeString(content.resolve("a.md"), "# A\n");
        Files.createDirectories(content.resolve("db"));
        Files.writeString(content.resolve("db/b.md"), "# B\n");
        git(dir.resolve("repo"), "2024-03-05T10:00:00Z", "init", "-q");
        git(dir.resolve("repo"), "2024-03-05T10:00:00Z", "add", ".");
        git(dir.resolve("repo"), "2024-03-05T10:00:00Z", "commit", "-q", "-m", "first");
        Files.writeString(content.resolve("db/b.md"), "# B, edited\n");
        git(dir.resolve("repo"), "2025-07-09T23:30:00Z", "commit", "-q", "-am", "second");
        Files.writeString(content.resolve("new.md"), "# New\n");
        Files.setLastModifiedTime(content.resolve("new.md"), FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));

        Map<String, String> days = LastChanged.of(content, List.of("a.md", "db/b.md", "new.md"));
        assertEquals("2024-03-05", days.get("a.md"));
        assertEquals("2025-07-09", days.get("db/b.md"), "the newest commit that touched the file");
        assertEquals("2026-01-02", days.get("new.md"), "untracked: its modification time");

        String before = LastChanged.revision(content);
        git(dir.resolve("repo"), "2025-08-01T00:00:00Z", "commit", "-q", "--allow-empty", "-m", "third");
        assertNotEquals(before, LastChanged.revision(content), "a commit changes the site's input digest");
    }

    @Test
    void outsideGitEveryFileShowsItsModificationTime() throws Exception {
        Path content = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(content.resolve("a.md"), "# A\n");
        Files.setLastModifiedTime(content.resolve("a.md"), FileTime.from(Instant.parse("2023-05-06T07:08:09Z")));
        assertEquals(Map.of("a.md", "2023-05-06"), LastChanged.of(content, List.of("a.md")));
        assertEquals("none", LastChanged.revision(content));
    }

    private static void git(Path repo, String date, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_AUTHOR_DATE", date);
        builder.environment().put("GIT_COMMITTER_DATE", date);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("install git: the last-changed dates read git history (" + e.getMessage() + ")", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
