package dev.runbook.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.smoke.parse.SmokeSyntaxError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz targets for the smoke block parser: the curl command line (shell words, options, URL) and the
 * {@code expect} assertions. Whatever an author writes, the parser answers with a check or with syntax
 * errors placed inside the block, and never throws. Saved inputs replay in every plain test run.
 */
class SmokeParserFuzzTest {

    /** A block that starts with {@code curl}: the shell-word splitter and the curl option reader. */
    @FuzzTest(maxDuration = "60s")
    void curlCommand(FuzzedDataProvider data) {
        String fence = data.consumeString(60).replace('\n', ' ');
        String curl = data.consumeString(300);
        String rest = data.consumeRemainingAsString();
        check("```smoke " + fence + "\ncurl " + curl + "\n" + rest + "\n```\n");
    }

    /** A valid request followed by fuzzed {@code expect} lines: the assertion parser and its regex checks. */
    @FuzzTest(maxDuration = "60s")
    void assertions(FuzzedDataProvider data) {
        StringBuilder block = new StringBuilder("```smoke {name=\"fuzz\"}\nGET https://api.example.test/health\n");
        int count = data.consumeInt(1, 6);
        for (int i = 0; i < count; i++) {
            block.append("expect ").append(data.consumeString(120).replace('\n', ' ')).append('\n');
        }
        check(block.append("```\n").toString());
    }

    private static void check(String markdown) {
        List<dev.runbook.findings.Finding> loaderFindings = new ArrayList<>();
        Runbook runbook = ContentLoader.parse("fuzz.md", Path.of("fuzz.md"), SourceText.of(markdown), loaderFindings);
        int lines = runbook.source().lineCount();
        for (BlockParse parse : SmokeParser.parse(runbook)) {
            assertNotNull(parse.block());
            assertTrue(parse.ok() || !parse.errors().isEmpty(), "neither a check nor an error");
            if (parse.ok()) {
                assertFalse(parse.check() == null);
            }
            for (SmokeSyntaxError error : parse.errors()) {
                assertTrue(error.line() >= 1 && error.line() <= lines + 1, "error outside the file: " + error);
                assertTrue(error.column() >= 1, "column before the line: " + error);
                assertFalse(error.message() == null || error.message().isBlank(), "an error says what is wrong");
            }
        }
    }
}
