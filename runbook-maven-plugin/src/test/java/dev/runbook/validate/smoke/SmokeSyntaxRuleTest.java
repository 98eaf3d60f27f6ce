package dev.runbook.validate.smoke;

import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.load.LoadedContent;
import dev.runbook.model.Runbook;
import dev.runbook.smoke.SmokeFixture;
import dev.runbook.validate.ValidationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeSyntaxRuleTest {

    @Test
    void reportsEveryBrokenBlockWithFileLineAndColumn() {
        Runbook runbook = SmokeFixture.runbook("api/health.md", """
                # Health

                ```smoke {name="ok"}
                curl -fsS {{api}}/health
                expect status == 200
                ```

                ```smoke {name="piped"}
                curl -s {{api}}/health | jq .status
                expect status == 200
                expect status = 200
                ```

                ```bash
                curl -s x | jq .
                ```
                """);
        List<Finding> findings = new ArrayList<>();
        SmokeSyntaxRule rule = new SmokeSyntaxRule();
        rule.check(runbook, new ValidationContext(new LoadedContent(Path.of("."), List.of(runbook), List.of()),
                LocalDate.parse("2026-11-22"), Path.of("target"), RunLog.SILENT), findings::add);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("smoke.syntax", f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("api/health.md", f.file());
        assertEquals(9, f.line());
        assertEquals(24, f.column());
        assertEquals("api/health.md:9:24: error [smoke.syntax] '|' (a pipe) is not allowed in a smoke curl line", f.toConsoleLine().substring(0, f.toConsoleLine().indexOf(" (fix:")));
    }
}
