package dev.runbook.validate.commands;

import dev.runbook.findings.Finding;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandUnicodeRuleTest {

    private final CommandUnicodeRule rule = new CommandUnicodeRule(RuleSettings.defaults());

    @Test
    void namesTheCharacterAndItsColumn() {
        String md = "```bash\nkubectl annotate pod api note=\u201Chello\u201D\nhelm upgrade api \u2013-force\ncurl \u2014help\nls\u00A0-la\necho a\u200Bb\n```\n";
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("2:31", "3:18", "4:6", "5:3", "6:7"), positions(findings));
        assertTrue(findings.get(0).message().startsWith("U+201C LEFT DOUBLE QUOTATION MARK in code at column 31"),
                findings.get(0).message());
        assertTrue(findings.get(0).hint().startsWith("replace it with \"\"\""), findings.get(0).hint());
        assertTrue(findings.get(1).message().startsWith("U+2013 EN DASH"));
        assertTrue(findings.get(1).hint().startsWith("replace it with \"-\""), findings.get(1).hint());
        assertTrue(findings.get(2).hint().startsWith("replace it with \"--\""), findings.get(2).hint());
        assertTrue(findings.get(3).message().startsWith("U+00A0 NO-BREAK SPACE"));
        assertTrue(findings.get(4).message().startsWith("U+200B ZERO WIDTH SPACE"));
    }

    @Test
    void leavesProseBlocksCommentsAndOrdinaryDashesAlone() {
        String md = """
                ```bash
                # Don’t run this on Fridays — really
                echo "a – b"   # the dash is inside a word gap, not a flag
                git commit -m "Don’t page on “warning” alerts"
                echo can’t
                ```

                ```
                error: can’t reach “db-1” — retrying
                ```

                ```text
                “quoted” output — with\u00A0nbsp
                ```

                ```yaml
                description: It’s the primary’s job
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void yamlSmartQuotesCountOnlyAsDelimiters() {
        String md = "```yaml\nname: \u201Capi\u201D\n```\n";
        assertEquals(List.of("2:7"), positions(run(rule, md)));
    }

    @Test
    void invisibleCharactersCountInEveryCodeBlock() {
        String md = "```json\n{\"a\":\u00A01}\n```\n";
        assertEquals(List.of("2:6"), positions(run(rule, md)));
        assertEquals(List.of("2:8"), positions(run(rule, "```bash\necho \"a\u00A0b\"\n```\n")), "even inside a string");
    }
}
