package dev.runbook.hostile;

import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.findings.io.FindingsJson;
import dev.runbook.site.SiteBuilder;
import dev.runbook.site.SiteRequest;
import dev.runbook.status.ReviewSchedule;
import dev.runbook.status.StatusSource;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.policy.FailOn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus through the whole pipeline, as {@code runbook:validate} and {@code runbook:site} run it:
 * every hostile file ends in a finding at {@code file:line} or in a page, the harmless page is still built,
 * and nothing outside the content folder is read into a report or copied into the site. The corpus is
 * generated here; a secret file sits beside the content folder, and the site must hold none of its bytes.
 * Each stage runs under a generous preemptive timeout so a catastrophic backtrack fails instead of hanging.
 */
class HostilePipelineTest {

    private static final Duration GENEROUS = Duration.ofSeconds(120);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    Path content;
    Path outside;
    String secret;

    @BeforeEach
    void corpus() throws IOException {
        secret = "TOPSECRET-" + UUID.randomUUID();
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), secret);
        Files.writeString(outside.resolve("secret.md"), "# " + secret + "\n");
        Files.writeString(outside.resolve("passwd"), secret);
        content = Files.createDirectories(dir.resolve("project/content"));
    }

    @Test
    void theWholeCorpusGivesFindingsOrPagesAndTheHarmlessPageIsBuilt() throws Exception {
        write("ok.md", "---\ntitle: Harmless\n---\n# Harmless\n\nStill here.\n");
        byte[] invalid = new byte[4096];
        for (int i = 0; i < invalid.length; i++) {
            invalid[i] = (byte) (0x80 + (i * 37) % 0x7F);
        }
        Files.write(content.resolve("invalid-utf8.md"), invalid);
        byte[] binary = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(binary);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, 0, binary, 0, 8);
        Files.write(content.resolve("binary.md"), binary);
        write("huge.md", "# Huge\n\n" + "All work and no play. ".repeat(10 * 1024 * 1024 / 22 + 1));
        StringBuilder code = new StringBuilder("# Big code\n\n```bash\n");
        for (int i = 0; i < 200_000; i++) {
            code.append("echo ").append(i).append('\n');
        }
        write("big-code.md", code.append("```\n\n[broken](nowhere.md)\n").toString());
        write("quotes.md", "# Quotes\n\n" + "> ".repeat(10_000) + "deep\n");
        StringBuilder lists = new StringBuilder("# Lists\n\n");
        for (int i = 0; i < 10_000; i++) {
            lists.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        write("lists.md", lists.toString());
        write("mixed-nesting.md", "# Mixed\n\n" + "> - ".repeat(5_000) + "deep\n");
        write("alias-bomb.md", "---\n" + aliasBomb() + "title: Bomb\n---\n# Bomb\n");
        write("yaml-tags.md", "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"
                + "owner: !!python/object/apply:os.system [\"id\"]\n---\n# Tagged\n");
        write("long-front-matter.md", "---\ndescription: \"" + "x".repeat(1024 * 1024) + "\"\n---\n# Long\n");
        write("with space.md", "# With space\n");
        write("unicodé-ñ.md", "# Unicodé\n");
        write("<script>alert(1)<script>.md", "# Script name\n");

        List<Finding> findings = validate();
        LoadedContent loaded = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(content));
        Path site = assertTimeoutPreemptively(GENEROUS, () -> buildSite(loaded));

        assertTrue(Files.readString(site.resolve("ok.html")).contains("Still here."));
        for (String name : List.of("invalid-utf8.md", "binary.md", "huge.md", "big-code.md", "quotes.md", "lists.md",
                "mixed-nesting.md", "alias-bomb.md", "yaml-tags.md", "long-front-matter.md", "with space.md",
                "unicodé-ñ.md", "<script>alert(1)<script>.md")) {
            boolean built = loaded.byRelativePath(name).isPresent()
                    && Files.isRegularFile(site.resolve(name.substring(0, name.length() - 3) + ".html"));
            boolean reported = findings.stream().anyMatch(f -> f.file().equals(name) && f.line() >= 1);
            assertTrue(built || reported, name + " was neither built nor reported: " + findings);
        }
        assertHasFinding(findings, "huge.md", 1, "file.unreadable");
        assertHasFinding(findings, "binary.md", 1, "file.unreadable");
        assertHasFinding(findings, "big-code.md", 200_006, "link.file");
        assertHasFinding(findings, "yaml-tags.md", 2, "frontmatter.schema");
    }

    @Test
    void linksThatLeaveTheContentFolderAreReportedAndNothingOutsideIsCopied() throws Exception {
        Files.createSymbolicLink(content.resolve("leak.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(content.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(content.resolve("linked-dir"), outside);
        write("docs/links.md", String.join("\n",
                "# Links",
                "",
                "[passwd](../../etc/passwd)",                          // line 3
                "[climb](../../../outside/secret.txt)",                 // line 4
                "[absolute](/etc/passwd)",                              // line 5
                "[file url](file:///etc/passwd)",
                "[script](javascript:alert(document.domain))",
                "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![image](../../../outside/secret.txt)",                // line 9
                "[symlinked file](../leak.txt)",                        // line 10
                "[symlinked folder](../linked-dir/secret.txt)",         // line 11
                "[symlinked page](../leak.md)",                         // line 12
                ""));
        write("ok.md", "# OK\n");

        List<Finding> findings = validate();
        for (int line : List.of(3, 4, 5, 9, 10, 11, 12)) {
            assertHasFinding(findings, "docs/links.md", line, "link.file");
        }
        assertHasFinding(findings, "leak.md", 1, "file.unreadable");
        assertNoSecretIn(dir.resolve("project/target"));

        LoadedContent loaded = new ContentLoader().load(content);
        Path site = assertTimeoutPreemptively(GENEROUS, () -> buildSite(loaded));
        assertNoSecretIn(site);
        String page = Files.readString(site.resolve("docs/links.html"));
        for (String scheme : List.of("href=\"javascript:", "href=\"data:", "src=\"data:", "href=\"file:")) {
            assertFalse(page.contains(scheme), "the page keeps " + scheme);
        }
        assertFalse(Files.exists(site.resolve("leak.txt"), LinkOption.NOFOLLOW_LINKS), "a symlinked file was published");
        assertFalse(Files.exists(site.resolve("linked-dir"), LinkOption.NOFOLLOW_LINKS), "a symlinked folder was published");
    }

    private List<Finding> validate() throws Exception {
        ValidateOptions options = new ValidateOptions(content, dir.resolve("project"), dir.resolve("project/target"), TODAY,
                FailOn.ERROR, Map.of(), null,
                RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true)), "test");
        assertTimeoutPreemptively(GENEROUS, () -> {
            try {
                new ValidationRun(RunLog.SILENT).run(options);
            } catch (RunbookProblemException expected) {
                // The corpus is meant to fail the gate; the reports are what this test reads.
            }
        });
        return FindingsJson.read(options.layout().findingsJson()).findings();
    }

    private Path buildSite(LoadedContent loaded) throws Exception {
        Path target = dir.resolve("project/target");
        Path site = target.resolve("runbook-site");
        new SiteBuilder().build(new SiteRequest(loaded, site, target.resolve("runbook-site-state.json"), null, "Runbooks",
                null, false, StatusSource.reviewOnly(new ReviewSchedule(null), TODAY), TODAY, "test", 2, RunLog.SILENT));
        return site;
    }

    private void assertNoSecretIn(Path folder) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    leaks.add(file);
                }
            }
        }
        assertEquals(List.of(), leaks, "files outside the content folder leaked into the output");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void assertHasFinding(List<Finding> findings, String file, int line, String ruleId) {
        assertTrue(findings.stream().anyMatch(f -> f.file().equals(file) && f.line() == line && f.ruleId().equals(ruleId)),
                "expected " + ruleId + " at " + file + ":" + line + " in " + findings.stream().map(Finding::toConsoleLine).toList());
    }

    /** Nine levels of ten aliases each: a billion strings if a parser expanded them. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "*a" + (i - 1);
            yaml.append('a').append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(10, prev))).append("]\n");
        }
        return yaml.toString();
    }

    private void write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
