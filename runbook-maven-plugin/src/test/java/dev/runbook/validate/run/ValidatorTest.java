package dev.runbook.validate.run;

import dev.runbook.validate.Fixture;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.FindingSink;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {

    @TempDir
    Path temp;

    /** Reports one finding per runbook at a given line. */
    private record LineRule(String id, int line) implements Rule {
        @Override
        public RuleInfo info() {
            return new RuleInfo(id, Severity.WARNING, "test rule");
        }

        @Override
        public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
            sink.report(this, runbook, new SourcePosition(line, 1), id + " at " + line, null);
        }
    }

    private record CrashingRule() implements Rule {
        private static final RuleInfo INFO = new RuleInfo("test.crash", Severity.ERROR,
                "always fails");

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void rulesRunInParallelIntoOneSinkAndTheResultIsSorted() {
        Fixture f = new Fixture(temp).file("b.md", "# B\n").file("a.md", "# A\n");
        List<Rule> rules = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            rules.add(new LineRule("test.r" + i, i));
        }
        rules.add(new CrashingRule());
        List<Finding> findings = new Validator(rules, null).rawFindings(f.context());
        assertEquals(40, findings.size());
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        assertEquals(sorted, findings);
        assertEquals("a.md", findings.get(0).file());
        assertEquals(1, findings.get(0).line());
        assertTrue(f.logLines.stream().anyMatch(l -> l.startsWith("WARN validate: rule test.crash failed and was skipped")),
                f.logLines.toString());
    }
}
