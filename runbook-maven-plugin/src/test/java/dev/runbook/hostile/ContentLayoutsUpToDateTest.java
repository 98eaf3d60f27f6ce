package dev.runbook.hostile;

import dev.runbook.core.InputDigest;
import dev.runbook.core.LinesLog;
import dev.runbook.findings.Finding;
import dev.runbook.findings.ValidationReport;
import dev.runbook.site.SiteRun;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import dev.runbook.core.OutputLayout;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;
import dev.runbook.validate.policy.FailOn;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The false green of issue #14: for every layout the loader accepts, an edit, an added file and a deleted
 * file after a build are seen by the next {@code runbook:site} and the next {@code runbook:validate},
 * including edits that keep the size and the modification time ({@code touch -r}), edits within the
 * racy window and copies that carry the old stamps over (rsync -a, cp -p, a refreshed bind mount).
 */
class ContentLayoutsUpToDateTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final String CLEAN = "Restart the API service now and watch the error rate.";
    private static final String TODO = pad("TODO: fill this in", CLEAN.length());

    @TempDir
    Path dir;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    /** How the project's {@code content} folder is laid out; each gives the file edited and the folder added to. */
    enum Layout {
        /** content/db/failover.md, a plain folder. */
        PLAIN,
        /** content -> ../docs/runbooks, the content folder itself a link. */
        ROOT_LINK,
        /** content/db -> versions/v2/db, a linked sub-folder inside the content folder. */
        SUB_FOLDER_LINK,
        /** content/db/failover.md -> ../.shared/failover.md, a linked file inside the content folder. */
        FILE_LINK;

        /** Lays out the folder; returns the content folder as the POM names it. */
        Path lay(Path dir) throws IOException {
            Path content = dir.resolve("project/content");
            Files.createDirectories(content.getParent());
            switch (this) {
                case PLAIN -> Files.createDirectories(content.resolve("db"));
                case ROOT_LINK -> {
                    Files.createDirectories(dir.resolve("project/docs/runbooks/db"));
                    Files.createSymbolicLink(content, Path.of("docs/runbooks"));
                }
                case SUB_FOLDER_LINK -> {
                    Files.createDirectories(content.resolve("versions/v2/db"));
                    Files.createSymbolicLink(content.resolve("db"), Path.of("versions/v2/db"));
                }
                case FILE_LINK -> {
                    Files.createDirectories(content.resolve(".shared"));
                    Files.createDirectories(content.resolve("db"));
                }
            }
            return content;
        }

        /** Writes the page every change starts from, the way this layout holds it. */
        void writeFailover(Path content, String line) throws IOException {
            if (this == FILE_LINK) {
                Files.writeString(content.resolve(".shared/failover.md"), page(line));
                if (!Files.isSymbolicLink(content.resolve("db/failover.md"))) {
                    Files.createSymbolicLink(content.resolve("db/failover.md"), Path.of("../.shared/failover.md"));
                }
            } else {
                Files.writeString(content.resolve("db/failover.md"), page(line));
            }
        }

        /** The file whose bytes the failover page is read from. */
        Path failoverFile(Path content) {
            return this == FILE_LINK ? content.resolve(".shared/failover.md") : content.resolve("db/failover.md");
        }

        /** Where the failover page lands in the site, and under which name validate reports it. */
        String failoverPath() {
            return this == SUB_FOLDER_LINK ? "versions/v2/db/failover.md" : "db/failover.md";
        }
    }

    enum Change {
        /** Same size, modification time set back afterwards ({@code touch -r}). */
        EDIT_KEEPING_SIZE_AND_MTIME,
        /** Same size, written right after the build (inside the kernel clock's tick and the 2 s window). */
        EDIT_WITHIN_RACY_WINDOW,
        /** A new version copied over the file with its stamps (rsync -a, cp -p, a refreshed bind mount). */
        COPY_KEEPING_STAMPS,
        ADD_FILE,
        DELETE_FILE
    }

    static Stream<Arguments> layoutsAndChanges() {
        return Stream.of(Layout.values()).flatMap(l -> Stream.of(Change.values()).map(c -> Arguments.of(l, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layoutsAndChanges")
    void theNextSiteAndValidateSeeTheChange(Layout layout, Change change) throws Exception {
        Path content = layout.lay(dir);
        layout.writeFailover(content, CLEAN);
        Path addFolder = content.resolve("db"); // through the link where the layout has one
        String added = layout == Layout.SUB_FOLDER_LINK ? "versions/v2/db/added.md" : "db/added.md";
        if (change == Change.DELETE_FILE) {
            Files.writeString(addFolder.resolve("added.md"), page(TODO));
        }
        if (change != Change.EDIT_WITHIN_RACY_WINDOW) {
            backDate(dir.resolve("project"));
        }

        // validate first: the site shows the last validation's findings, so a validation between two site
        // builds is itself a change to the site's inputs
        List<Finding> before = validate(content);
        assertFalse(upToDate("validate"), lines.toString());
        site(content);
        assertFalse(upToDate("site"), lines.toString());
        site(content);
        assertTrue(upToDate("site") || change == Change.EDIT_WITHIN_RACY_WINDOW, "nothing changed yet: " + lines);
        validate(content);
        assertTrue(upToDate("validate") || change == Change.EDIT_WITHIN_RACY_WINDOW, "nothing changed yet: " + lines);

        Path file = layout.failoverFile(content);
        FileTime stamp = Files.getLastModifiedTime(file);
        switch (change) {
            case EDIT_KEEPING_SIZE_AND_MTIME -> {
                Files.writeString(file, page(TODO));
                Files.setLastModifiedTime(file, stamp);
            }
            case EDIT_WITHIN_RACY_WINDOW -> Files.writeString(file, page(TODO));
            case COPY_KEEPING_STAMPS -> {
                Path checkout = Files.writeString(dir.resolve("checkout-failover.md"), page(TODO));
                Files.setLastModifiedTime(checkout, stamp);
                Files.copy(checkout, file, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(file, stamp); // cp -p keeps microseconds; the copy keeps every digit
            }
            case ADD_FILE -> Files.writeString(addFolder.resolve("added.md"), page(TODO));
            case DELETE_FILE -> Files.delete(addFolder.resolve("added.md"));
        }
        if (change == Change.EDIT_KEEPING_SIZE_AND_MTIME || change == Change.COPY_KEEPING_STAMPS) {
            assertEquals(stamp, Files.getLastModifiedTime(file), "the edit is hidden from the clock");
            assertEquals(page(CLEAN).length(), Files.size(file), "and from the size");
        }

        Path site = dir.resolve("project/target/site");
        String failoverPage = layout.failoverPath().replace(".md", ".html");
        String addedPage = added.replace(".md", ".html");
        site(content);
        assertFalse(upToDate("site"), "the site must see the " + change + ": " + lines);
        List<Finding> after = validate(content);
        assertFalse(upToDate("validate"), "validate must see the " + change + ": " + lines);

        switch (change) {
            case EDIT_KEEPING_SIZE_AND_MTIME, EDIT_WITHIN_RACY_WINDOW, COPY_KEEPING_STAMPS -> {
                assertTrue(Files.readString(site.resolve(failoverPage)).contains("TODO: fill this in"), "the page shows the edit");
                assertEquals(List.of(), todos(before, layout.failoverPath()));
                assertEquals(1, todos(after, layout.failoverPath()).size(), after.toString());
            }
            case ADD_FILE -> {
                assertTrue(Files.isRegularFile(site.resolve(addedPage)), "the added page is published");
                assertEquals(1, todos(after, added).size(), after.toString());
            }
            case DELETE_FILE -> {
                assertEquals(1, todos(before, added).size(), before.toString());
                assertFalse(Files.exists(site.resolve(addedPage)), "the deleted page is gone");
                assertEquals(List.of(), todos(after, added), after.toString());
            }
        }
    }

    private static List<Finding> todos(List<Finding> findings, String file) {
        return findings.stream().filter(f -> f.file().endsWith(file) && f.ruleId().startsWith("placeholder.")).toList();
    }

    private boolean upToDate(String goal) {
        return lines.stream().anyMatch(l -> l.startsWith("INFO runbook: " + goal + ": up to date"));
    }

    private void site(Path content) throws Exception {
        lines.clear();
        Instant start = Instant.now();
        new SiteRun(LinesLog.withoutDebug(lines)).run(new SiteRun.Options(content,
                InputDigest.tree(content.toAbsolutePath().normalize()), start,
                new OutputLayout(dir.resolve("project/target")), dir.resolve("project/target/site"), null, "Runbooks",
                null, false, TODAY, StatusSource.reviewOnly(new ReviewSchedule(null), TODAY), "test", Map.of(), null));
    }

    private List<Finding> validate(Path content) throws Exception {
        lines.clear();
        Path project = dir.resolve("project");
        RuleSettings rules = RuleSettings.defaults()
                .withLinks(LinkCheckSettings.defaults().withOffline(true))
                .withReviewEvery(Period.ofDays(90))
                .withShellCheck(new RuleSettings.ShellCheck(RuleSettings.ShellCheck.Mode.OFF, null, Set.of()));
        ValidationReport report = new ValidationRun(new LinesLog(lines)).run(new ValidateOptions(content, project,
                project.resolve("target"), TODAY, FailOn.NONE, Map.of(), null, rules, "test"));
        return report.findings();
    }

    private static String page(String line) {
        return "# Fail over the database\n\n" + line + "\n";
    }

    private static String pad(String text, int length) {
        return text + ".".repeat(length - text.length());
    }

    /** Sets every stamp an hour back, so that the racy-window guard alone cannot explain a rebuild. */
    private static void backDate(Path folder) throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                if (!Files.isSymbolicLink(file)) {
                    Files.setLastModifiedTime(file, anHourAgo);
                }
            }
        }
    }
}
