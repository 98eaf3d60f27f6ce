package dev.runbook.load;

import dev.runbook.core.RunLog;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.model.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #15: which files are runbooks (includes/excludes), the pages of *.html.md.erb sources, front-matter aliases. */
class ContentSelectionTest {

    @TempDir
    Path temp;

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve("content").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private LoadedContent load(LoadOptions options) throws SetupException {
        return new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT, options).load(temp.resolve("content"));
    }

    private static List<String> paths(LoadedContent content) {
        return content.runbooks().stream().map(r -> r.relativePath() + " -> " + r.pagePath() + " '" + r.title() + "'").toList();
    }

    @Test
    void aTechDocsTreeIsReadWithItsGlobAndKeepsItsPageNames() throws Exception {
        write("manual/alerts/disk-full.html.md.erb", "---\nowner_slack: '#ops'\n---\nSome text\n");
        write("manual/index.html.md.erb", "# Manual\n");
        write("layouts/layout.erb", "<%= yield %>\n");
        write("stylesheets/screen.css.scss", "body {}\n");
        write("README.md", "# Not a page of the manual\n");
        LoadedContent content = load(LoadOptions.of(List.of("manual/**/*.html.md.erb"), List.of(), Map.of()));
        assertEquals(List.of("manual/alerts/disk-full.html.md.erb -> manual/alerts/disk-full.html 'Disk full'",
                "manual/index.html.md.erb -> manual/index.html 'Manual'"), paths(content));
    }

    @Test
    void theDefaultIsEveryMarkdownFileAtAnyDepthAndGlobsIgnoreCase() throws Exception {
        write("top.md", "# Top\n");
        write("a/b/Deep.MD", "# Deep\n");
        write("a/notes.txt", "no\n");
        assertEquals(List.of("a/b/Deep.MD -> a/b/Deep.html 'Deep'", "top.md -> top.html 'Top'"), paths(load(LoadOptions.DEFAULTS)));
        assertEquals(List.of("top.md -> top.html 'Top'"),
                paths(load(LoadOptions.of(List.of("**/*.md"), List.of("A/**"), Map.of()))), "excludes win over includes");
    }

    @Test
    void aFolderWithFilesButNoSelectedRunbookIsASetupErrorThatNamesWhatWasSkipped() throws Exception {
        for (int i = 1; i <= 12; i++) {
            write("source/manual/page-" + String.format("%02d", i) + ".html.md.erb", "# Page\n");
        }
        write("source/layouts/layout.erb", "x\n");
        write("config.rb", "x\n");
        write("drafts/wip.md", "# WIP\n");
        SetupException e = assertThrows(SetupException.class,
                () -> load(LoadOptions.of(List.of("**/*.md"), List.of("drafts/**"), Map.of())));
        String message = e.getMessage();
        assertTrue(message.contains("holds 15 files but no runbook: includes [**/*.md] minus excludes [drafts/**] select none of them"), message);
        assertTrue(message.contains("by extension: .html.md.erb 12, .erb 1, .md 1, .rb 1"), message);
        assertTrue(message.contains("    config.rb (matches no include)"), message);
        assertTrue(message.contains("    drafts/wip.md (matches excludes)"), message);
        assertTrue(message.contains("… and 5 more"), message);
        assertTrue(message.contains("-Drunbook.includes=**/*.html.md.erb"), message);
    }

    @Test
    void anEmptyFolderIsNoError() throws Exception {
        Files.createDirectories(temp.resolve("content/.git"));
        Files.writeString(temp.resolve("content/.git/HEAD"), "ref\n");
        assertEquals(List.of(), load(LoadOptions.DEFAULTS).runbooks());
    }

    @Test
    void badSettingsAreSetupErrorsNamingTheParameter() {
        SetupException glob = assertThrows(SetupException.class, () -> LoadOptions.of(List.of("docs/[*.md"), List.of(), Map.of()));
        assertTrue(glob.getMessage().startsWith("includes / excludes (runbook.includes / runbook.excludes): 'docs/[*.md' is not a glob"),
                glob.getMessage());
        SetupException alias = assertThrows(SetupException.class,
                () -> LoadOptions.of(List.of(), List.of(), Map.of("review_in", "review_period")));
        assertTrue(alias.getMessage().contains("'review_in=review_period' maps to 'review_period', which is not a front-matter key"),
                alias.getMessage());
    }

    @Test
    void aliasedKeysAreReadAsTheKeysTheyNameAndAreNotUnknown() throws Exception {
        write("disk.html.md.erb", """
                ---
                title: Disk full
                last_reviewed_on: 2026-03-01
                review_in: 6 months
                ---
                Text
                """);
        LoadedContent content = load(LoadOptions.of(List.of("**/*.html.md.erb"), List.of(),
                Map.of("last_reviewed_on", "last_reviewed", "review_in", "review_every")));
        Runbook runbook = content.runbooks().get(0);
        assertEquals(LocalDate.of(2026, 3, 1), runbook.frontMatter().lastReviewed());
        assertEquals(Period.ofMonths(6), runbook.frontMatter().reviewEvery());
        assertEquals(3, runbook.frontMatter().positionOf("last_reviewed").line(), "findings point at the aliased line");
        assertEquals(List.of(), content.findings());

        write("disk.html.md.erb", "---\nlast_reviewed_on: 2026-03-01\nreview_in: soon\n---\n");
        List<Finding> bad = load(LoadOptions.of(List.of("**/*.html.md.erb"), List.of(),
                Map.of("last_reviewed_on", "last_reviewed", "review_in", "review_every"))).findings();
        assertEquals(List.of("frontmatter.schema 3: review_in 'soon' is not a period such as " + dev.runbook.core.time.Durations.PERIOD_FORMS),
                bad.stream().map(f -> f.ruleId() + " " + f.line() + ": " + f.message()).toList(), "the message names the key as written");
    }

    @Test
    void periodWordsAreAcceptedInReviewEvery() throws Exception {
        write("a.md", "---\nreview_every: 90 days\n---\n");
        write("b.md", "---\nreview_every: 2 weeks\n---\n");
        write("c.md", "---\nreview_every: 1 year\n---\n");
        LoadedContent content = load(LoadOptions.DEFAULTS);
        assertEquals(List.of(Period.ofDays(90), Period.ofWeeks(2), Period.ofYears(1)),
                content.runbooks().stream().map(r -> r.frontMatter().reviewEvery()).toList());
        assertEquals(List.of(), content.findings());
    }

    @Test
    void theUnknownKeyHintNamesTheClosestKnownKeyOrAlias() throws Exception {
        write("a.md", "---\nlast_reviewed_on: 2026-03-01\nreview_in: 6 months\nreviewed_by: ann\n---\n");
        List<Finding> plain = load(LoadOptions.DEFAULTS).findings();
        assertEquals(List.of(
                "unknown front-matter key 'last_reviewed_on'; did you mean 'last_reviewed'? | rename it to 'last_reviewed',"
                        + " or keep the name and map it: -Drunbook.frontMatter.aliases=last_reviewed_on=last_reviewed",
                "unknown front-matter key 'review_in'; did you mean 'review_every'? | rename it to 'review_every',"
                        + " or keep the name and map it: -Drunbook.frontMatter.aliases=review_in=review_every",
                "unknown front-matter key 'reviewed_by' | known keys: title, description, service, services, owner,"
                        + " severity, tags, last_reviewed, review_every, aliases, draft, alert"),
                plain.stream().map(f -> f.message() + " | " + f.hint()).toList());

        write("a.md", "---\nlast_reviewd_on: 2026-03-01\n---\n");
        List<Finding> aliased = load(LoadOptions.of(List.of(), List.of(), Map.of("last_reviewed_on", "last_reviewed"))).findings();
        assertEquals(List.of("unknown front-matter key 'last_reviewd_on'; did you mean 'last_reviewed_on'? | rename it to"
                        + " 'last_reviewed_on' (read as last_reviewed)"),
                aliased.stream().map(f -> f.message() + " | " + f.hint()).toList());
    }

    @Test
    void pagePathsAndTitlesStripTheSourceExtensions() {
        assertEquals("a/b.html", ContentLoader.pagePath("a/b.md"));
        assertEquals("a/b.html", ContentLoader.pagePath("a/b.html.md.erb"));
        assertEquals("a/b.html", ContentLoader.pagePath("a/b.html.md"));
        assertEquals("a/b.html", ContentLoader.pagePath("a/b.markdown"));
        assertEquals("a/.html", ContentLoader.pagePath("a/.md"));
        assertEquals("Disk full", ContentLoader.titleFromFileName("x/disk-full.html.md.erb"));
        assertNull(null);
    }
}
