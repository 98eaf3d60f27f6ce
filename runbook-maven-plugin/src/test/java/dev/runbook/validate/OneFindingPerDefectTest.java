package dev.runbook.validate;

import dev.runbook.findings.Finding;
import dev.runbook.validate.run.Rules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue #20: where two rules see the same span, the documented precedence keeps one finding. */
class OneFindingPerDefectTest {

    private static List<String> allContentFindings(String md) {
        List<Finding> all = new ArrayList<>();
        for (Rule rule : Rules.builtIn(RuleSettings.defaults().withLinks(LinkCheckSettings.defaults().withOffline(true))).rules()) {
            all.addAll(ContentRuleHarness.run(rule, md));
        }
        all.sort(Finding.ORDER);
        return all.stream().map(f -> f.ruleId() + " " + f.line() + ":" + f.column()).toList();
    }

    /** ⚠ (E2 9A A0) read as Windows-1252 is "âš" plus a no-break space: encoding first, command.unicode not again. */
    @Test
    void theNoBreakSpaceInsideMojibakeIsReportedByEncodingOnly() {
        String md = "```bash\necho \"âš\u00A0 disk almost full\"\nkubectl\u00A0get pods\n```\n";
        assertEquals(List.of("encoding.mojibake 2:7", "command.unicode 3:8"), allContentFindings(md));
    }

    @Test
    void aTodoTitleRepeatedByTheH1IsReportedOnceAtTheFrontMatter() {
        String md = """
                ---
                title: TODO restart the cache
                ---
                # TODO restart the cache

                ## Steps

                TODO
                """;
        assertEquals(List.of("placeholder.todo 2:8", "placeholder.todo 8:1"), allContentFindings(md));
    }

    @Test
    void anH1ThatSaysSomethingElseIsStillChecked() {
        String md = """
                ---
                title: Cache down
                ---
                # Cache down (TODO: owner)
                """;
        assertEquals(List.of("placeholder.todo 4:15"), allContentFindings(md));
    }

    @Test
    void linkTextThatNamesAPageIsNotAPlaceholder() {
        String md = """
                Follow [the TODO page's format](todo-format.md) and [FIXME policy](https://example.com/fixme).

                Still unfinished: [TODO](#) and [TBD]().
                """;
        assertEquals(List.of("placeholder.todo 3:20", "placeholder.todo 3:34"),
                allContentFindings(md).stream().filter(f -> f.startsWith("placeholder")).toList());
    }
}
