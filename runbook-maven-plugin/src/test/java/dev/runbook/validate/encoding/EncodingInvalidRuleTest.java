package dev.runbook.validate.encoding;

import dev.runbook.findings.Finding;
import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodingInvalidRuleTest {

    private final EncodingInvalidRule rule = new EncodingInvalidRule();

    @Test
    void invalidUtf8IsReportedWhereTheDecoderSawIt() {
        SourceText source = new SourceText("# Title\n\nCaf\uFFFD\n", false, new SourcePosition(3, 4));
        List<Finding> findings = run(rule, source, new ArrayList<>());
        assertEquals(List.of("3:4"), positions(findings));
        assertTrue(findings.get(0).message().contains("not valid UTF-8"));
    }

    @Test
    void byteOrderMark() {
        List<Finding> findings = run(rule, new SourceText("# Title\n", true, null), new ArrayList<>());
        assertEquals(List.of("1:1"), positions(findings));
        assertTrue(findings.get(0).message().contains("byte-order mark"));
    }

    @Test
    void mixedLineEndingsPointAtTheOddLine() {
        List<Finding> findings = run(rule, "# Title\nline two\r\nline three\nfour\n");
        assertEquals(List.of("2:9"), positions(findings));
        assertEquals("mixed line endings: 3 LF, 1 CRLF, 0 CR; this line ends with CRLF while most end with LF",
                findings.get(0).message());
    }

    @Test
    void cleanFilesPass() {
        assertEquals(List.of(), positions(run(rule, "# Title\r\nall CRLF\r\n")));
        assertEquals(List.of(), positions(run(rule, "# Title\nall LF\n")));
    }
}
