package dev.runbook.hostile;

import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.validate.Rule;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.policy.Baseline;
import dev.runbook.validate.policy.SeverityOverrides;
import dev.runbook.validate.policy.ValidationPolicy;
import dev.runbook.validate.run.Rules;
import dev.runbook.validate.run.Validator;
import dev.runbook.validate.LinkCheckSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One pathological line for every regular expression that reads runbook text (grep Pattern.compile in
 * src/main), each shaped to make a backtracking matcher go quadratic or worse: long runs the pattern can
 * start in everywhere, openers that are never closed. Inputs are a few hundred kilobytes, so a quadratic
 * match would need 10^10 steps and trip the preemptive timeout, while a linear one takes milliseconds.
 * Patterns fed only by the trusted pom (ValidateMojo's ignore list, the environment file's CA PEM) are
 * out of scope.
 */
class PathologicalRegexTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final int N = 300_000;

    @TempDir
    Path dir;

    /**
     * flexmark's own ATX_TRAILING pattern: a heading with a long run of spaces. The loader refuses the file
     * with a finding where the run starts, and still loads the others.
     */
    @Test
    void headingWithALongRunOfSpacesIsRefusedWithAFinding() throws Exception {
        write("slow.md", "# Title\n\n## a" + " ".repeat(N) + "b\n");
        write("ok.md", "# OK\n\n## Gap" + " ".repeat(2_000) + "kept {#kept}\n");
        LoadedContent content = assertTimeoutPreemptively(GENEROUS, () -> new ContentLoader().load(dir.resolve("content")));
        assertEquals(List.of("ok.md"), content.runbooks().stream().map(Runbook::relativePath).toList());
        assertEquals("kept", content.runbooks().get(0).headings().get(1).id());
        Finding finding = content.findings().get(0);
        assertEquals(List.of("slow.md", 3, 5, "file.unreadable"),
                List.of(finding.file(), finding.line(), finding.column(), finding.ruleId()), finding.toString());
    }

    /** ModelExtractor.EXPLICIT_ID: a heading with a long run of form feeds (\\s, but not a blank to flexmark). */
    @Test
    void headingWithoutExplicitId() {
        Runbook runbook = parse("# a" + "\f".repeat(N) + "b\n\n## x {#real-id}\n");
        assertEquals("real-id", runbook.headings().get(1).id());
    }

    /** CodeInfo.ATTRIBUTE: a fence attribute block that is one long name, and one of unclosed quotes. */
    @Test
    void fenceAttributesWithoutValues() {
        Runbook names = parse("```bash {" + "a".repeat(N) + "}\necho\n```\n");
        assertEquals("bash", names.codeBlocks().get(0).language());
        Runbook quotes = parse("```bash {" + "a=\"".repeat(N / 3) + "}\necho\n```\n");
        assertEquals("bash", quotes.codeBlocks().get(0).language());
        Runbook classes = parse("``` {" + " .".repeat(N / 2) + "}\necho\n```\n");
        assertEquals(1, classes.codeBlocks().size());
    }

    /** The review interval grammar (core.time.Durations.period, used by front-matter and the review rule): a long value. */
    @Test
    void longReviewInterval() throws Exception {
        write("a.md", "---\nreview_every: " + "1".repeat(N) + " \n---\n# A\n");
        List<Finding> findings = validate();
        assertTrue(findings.stream().anyMatch(f -> f.file().equals("a.md") && f.line() == 2), findings.toString());
    }

    /**
     * FrontMatterUnknownKeyRule.KEY: an unknown key with a run of spaces before its colon (YAML itself caps
     * a plain key at 1024 characters) and a long value after it.
     */
    @Test
    void unknownKeyWithALongRunOfSpaces() throws Exception {
        write("a.md", "---\ntitle: A\nfoo" + " ".repeat(1000) + "x: " + "v ".repeat(N) + "\n---\n# A\n");
        List<Finding> findings = validate();
        assertTrue(findings.stream().anyMatch(f -> f.file().equals("a.md") && f.line() == 3), findings.toString());
    }

    /** SuppressionScanner.COMMENT: many suppression comments that are never closed. */
    @Test
    void unclosedSuppressionComments() throws Exception {
        write("a.md", "# A\n\n[x](missing.md)\n\n" + "<!-- runbook-ignore link.file ".repeat(N / 10) + "\n");
        List<Finding> findings = validate();
        assertTrue(findings.stream().anyMatch(f -> f.file().equals("a.md") && f.ruleId().equals("link.file")), findings.toString());
    }

    /** HugoRefs.REF: many Hugo ref shortcodes whose quote never closes. */
    @Test
    void unclosedHugoRefs() throws Exception {
        write("a.md", "# A\n\n" + "{{< ref \"".repeat(N / 3) + "\n\n[x](missing.md)\n");
        List<Finding> findings = validate();
        assertTrue(findings.stream().anyMatch(f -> f.file().equals("a.md") && f.ruleId().equals("link.file")), findings.toString());
    }

    /** HttpKind METHOD_LINE, LOWER_METHOD, HEADER_LINE, DnsKind DNS_TYPES, core.time.Durations, AssertionParser.NUMBER. */
    @Test
    void smokeBlockLines() {
        List<String> blocks = List.of(
                "```smoke\nGET https://a.test/" + " x".repeat(N / 2) + "\n```\n",
                "```smoke\nget https://a.test/ " + "x ".repeat(N / 2) + "\n```\n",
                "```smoke\nGET https://a.test/\n" + "X-Header".repeat(N / 8) + "\n```\n",
                "```smoke\nGET https://a.test/\nX-A: " + " ".repeat(N) + "b\n```\n",
                "```smoke\ndns a.test " + "A".repeat(N) + "\n```\n",
                "```smoke {timeout=" + "9".repeat(N) + "x}\nGET https://a.test/\n```\n",
                "```smoke\nGET https://a.test/\nexpect status == " + "1".repeat(N) + ".\n```\n",
                "```smoke\nGET https://a.test/\nexpect body matches \"" + "(".repeat(N / 10) + "\"\n```\n",
                "```smoke\ncurl " + "'{{".repeat(N / 3) + "\n```\n");
        for (String block : blocks) {
            Runbook runbook = parse("# S\n\n" + block);
            List<BlockParse> parses = assertTimeoutPreemptively(GENEROUS, () -> SmokeParser.parse(runbook),
                    block.substring(0, 40));
            assertEquals(1, parses.size());
            assertFalse(parses.get(0).ok() && !parses.get(0).errors().isEmpty());
        }
    }

    private Runbook parse(String markdown) {
        return assertTimeoutPreemptively(GENEROUS, () -> ContentLoader.parse("a.md", Path.of("a.md"),
                SourceText.of(markdown), new ArrayList<>()));
    }

    private void write(String relative, String text) throws Exception {
        Path file = dir.resolve("content").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Subjects of the rules that read a runbook's text; ContentRulesRegexTest bounds them at a tenth of N. */
    private static final Set<String> CONTENT_SUBJECTS = Set.of("placeholder", "command", "json", "yaml", "sql", "encoding");

    /** Load, the loader, link, review, structure and smoke rules, and the policy (suppressions) over the content. */
    private List<Finding> validate() throws Exception {
        RuleSettings settings = RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true));
        Rules registry = Rules.builtIn(settings);
        List<Rule> rules = registry.rules().stream()
                .filter(r -> !CONTENT_SUBJECTS.contains(r.id().substring(0, r.id().indexOf('.'))))
                .toList();
        List<String> ids = registry.describedRules().stream().map(Rule::id).toList();
        List<Finding> findings = new ArrayList<>();
        assertTimeoutPreemptively(GENEROUS, () -> {
            LoadedContent content = new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT)
                    .load(dir.resolve("content"));
            findings.addAll(new Validator(rules, new ValidationPolicy(SeverityOverrides.NONE, Baseline.EMPTY, ids))
                    .validate(new ValidationContext(content, LocalDate.of(2026, 11, 22), dir.resolve("target/runbook"),
                            RunLog.SILENT))
                    .findings());
        });
        return findings;
    }
}
