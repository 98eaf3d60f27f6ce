package dev.runbook.hostile;

import dev.runbook.core.RunLog;
import dev.runbook.core.RunbookProblemException;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.policy.FailOn;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pathological lines for the content rules' regular expressions (placeholders, commands, syntax, encoding;
 * grep Pattern.compile under validate/placeholders, commands, syntax, encoding): runs a pattern can start
 * in at every position, openers never closed, nested optional groups. Each goes through the whole
 * validation with every content rule on, as prose and inside every fenced language the rules read, under
 * a preemptive timeout: a quadratic pattern fails here instead of hanging CI.
 */
class ContentRulesRegexTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final int N = 30_000;

    @TempDir
    Path dir;

    static List<String> lines() {
        List<String> pieces = List.of("(", "](", "db.a", " ", "<", "<a ", "<your ", "[", "[a ", "[your-", "{{", "{{ a", "{%", "$", "$(",
                "\\ ", "\\", "<!-- runbook-ignore ", "your-", "your_", "-", "a-", "a.", "https://", "/*", "--", "'", "\"", "`",
                "SELECT ", "SELECT a, ", "(sum(", "{\"a\": ", "a: ", "- ", "<<", "<<EOF ", "$ ", "user@host:~$ ",
                "Ã©", "Ã", "â€", "TODO", "todo: ", "# todo ", "1. Step ", "...", "…", "=>", "=# ", "\\g", "$$", "$a$");
        List<String> out = new ArrayList<>();
        for (String piece : pieces) {
            out.add(piece.repeat(Math.max(1, N / piece.length())) + "x");
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aPathologicalLineIsCheckedInBoundedTime(String line) throws Exception {
        StringBuilder page = new StringBuilder("# Page\n\n").append(line).append("\n\n");
        for (String language : List.of("bash", "console", "sql", "yaml", "json", "promql", "")) {
            page.append("```").append(language).append('\n').append(line).append("\n```\n\n");
        }
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("page.md"), page.toString(), StandardCharsets.UTF_8);
        ValidateOptions options = new ValidateOptions(content, dir, dir.resolve("target"), LocalDate.of(2026, 11, 22),
                FailOn.ERROR, Map.of(), null,
                RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true)), "test");
        assertTimeoutPreemptively(GENEROUS, () -> {
            try {
                new ValidationRun(RunLog.SILENT).run(options);
            } catch (RunbookProblemException findings) {
                // Findings are fine; only time and exceptions matter here.
            }
        }, () -> "pathological line of " + line.substring(0, Math.min(20, line.length())) + "…");
        assertTrue(Files.isRegularFile(dir.resolve("target/runbook/findings.json")), "the reports were written");
    }
}
