package dev.runbook.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.Slugger;
import dev.runbook.model.Heading;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz targets for the loader. In a plain test run Jazzer replays the saved inputs under
 * src/test/resources/dev/runbook/fuzz/LoaderFuzzTestInputs/; with -P fuzz it searches for new ones.
 */
class LoaderFuzzTest {

    /** Any text parses into a runbook whose positions lie inside the file, and findings are well-formed. */
    @FuzzTest(maxDuration = "60s")
    void frontMatterAndMarkdown(FuzzedDataProvider data) {
        boolean withFrontMatter = data.consumeBoolean();
        String yaml = data.consumeString(400);
        String body = data.consumeRemainingAsString();
        String text = withFrontMatter ? "---\n" + yaml + "\n---\n" + body : body;
        List<Finding> findings = new ArrayList<>();
        Runbook runbook;
        try {
            runbook = ContentLoader.parse("fuzz.md", Path.of("fuzz.md"), SourceText.of(text), findings);
        } catch (StackOverflowError e) {
            return; // The folder loader turns this into a finding; deep nesting is covered by HostileLoaderTest.
        }
        assertNotNull(runbook.title());
        int lines = runbook.source().lineCount();
        for (Heading heading : runbook.headings()) {
            assertTrue(heading.position().line() <= lines, "heading beyond the end of the file");
        }
        runbook.links().forEach(link -> assertTrue(link.position().line() <= lines, "link beyond the end of the file"));
        runbook.codeBlocks().forEach(block -> assertTrue(block.bodyStartLine() <= lines + 1, "code beyond the end"));
        for (Finding finding : findings) {
            assertTrue(finding.line() >= 1 && finding.line() <= lines + 1, finding.toConsoleLine());
            assertTrue(finding.ruleId().startsWith("frontmatter."), finding.ruleId());
        }
    }

    /** Slugs contain no spaces or characters the site's URLs would need to escape beyond letters; ids stay unique. */
    @FuzzTest(maxDuration = "30s")
    void slugger(FuzzedDataProvider data) {
        Slugger slugger = new Slugger();
        Set<String> seen = new HashSet<>();
        int count = data.consumeInt(1, 20);
        for (int i = 0; i < count; i++) {
            String text = data.consumeString(80);
            String slug = slugger.next(text);
            assertTrue(seen.add(slug), "duplicate id " + slug);
            assertEquals(-1, slug.indexOf(' '));
            assertTrue(slug.codePoints().allMatch(cp -> cp == '-' || cp == '_' || Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK || Character.getType(cp) == Character.LETTER_NUMBER
                    || Character.getType(cp) == Character.OTHER_NUMBER), slug);
        }
    }
}
