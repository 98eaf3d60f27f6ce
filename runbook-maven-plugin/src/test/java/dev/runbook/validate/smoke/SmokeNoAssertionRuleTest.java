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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeNoAssertionRuleTest {

    @Test
    void warnsForEachBlockWithoutExpectAndNamesWhatItStillChecks() {
        Runbook runbook = SmokeFixture.runbook("api/health.md", """
                # Health

                ```smoke {name="bare curl"}
                curl {{api}}/health
                ```

                ```smoke {name="asserted"}
                curl {{api}}/health
                expect status == 200
                ```

                ```smoke {name="bare tcp"}
                tcp db.example.com:5432
                ```
                """);
        List<Finding> findings = new ArrayList<>();
        new SmokeNoAssertionRule().check(runbook, new ValidationContext(new LoadedContent(Path.of("."), List.of(runbook), List.of()),
                LocalDate.parse("2026-11-22"), Path.of("target"), RunLog.SILENT), findings::add);
        assertEquals(2, findings.size(), findings.toString());
        Finding curl = findings.get(0);
        assertEquals("smoke.no-assertion", curl.ruleId());
        assertEquals(Severity.WARNING, curl.severity());
        assertEquals(3, curl.line());
        assertTrue(curl.message().endsWith("it only checks status < 400"), curl.message());
        assertTrue(curl.hint().contains("expect status == 200"), curl.hint());
        assertEquals(12, findings.get(1).line());
        assertTrue(findings.get(1).message().endsWith("it only checks connected == true"), findings.get(1).message());
    }
}
