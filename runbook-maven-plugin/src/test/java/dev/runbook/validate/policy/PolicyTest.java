package dev.runbook.validate.policy;

import dev.runbook.validate.run.Validator;
import dev.runbook.core.SetupException;
import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.load.LoadedContent;
import dev.runbook.validate.Fixture;
import dev.runbook.validate.policy.ValidationResult;
import dev.runbook.validate.links.AnchorLinkRule;
import dev.runbook.validate.links.FileLinkRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {

    private static final List<String> KNOWN = List.of("link.file", "link.anchor", "link.external",
            SuppressionNoReasonRule.ID, SuppressionUnusedRule.ID);

    @TempDir
    Path temp;

    private static Finding finding(String rule, Severity severity, String file, int line, String message) {
        return new Finding(rule, severity, file, line, 1, message, null);
    }

    @Test
    void overridesChangeLevelsSwitchRulesOffAndKeepInfoHints() throws SetupException {
        SeverityOverrides overrides = SeverityOverrides.parse(
                Map.of("link.file", "warning", "link.anchor", "OFF", "link.external", "error"), KNOWN);
        assertEquals(Severity.WARNING, overrides.apply(finding("link.file", Severity.ERROR, "a.md", 1, "m")).orElseThrow().severity());
        assertTrue(overrides.apply(finding("link.anchor", Severity.ERROR, "a.md", 1, "m")).isEmpty());
        assertEquals(Severity.INFO, overrides.apply(finding("link.external", Severity.INFO, "a.md", 1, "moved")).orElseThrow().severity());
        assertEquals(Severity.ERROR, overrides.apply(finding("link.external", Severity.WARNING, "a.md", 1, "403")).orElseThrow().severity());
    }

    @Test
    void unknownRuleOrLevelIsASetupError() {
        SetupException rule = assertThrows(SetupException.class, () -> SeverityOverrides.parse(Map.of("link.fiel", "off"), KNOWN));
        assertTrue(rule.getMessage().contains("unknown rule 'link.fiel'"), rule.getMessage());
        SetupException level = assertThrows(SetupException.class, () -> SeverityOverrides.parse(Map.of("link.file", "loud"), KNOWN));
        assertTrue(level.getMessage().contains("use off, warning or error"), level.getMessage());
    }

    @Test
    void failOnDecidesWhatFails() throws SetupException {
        Finding error = finding("link.file", Severity.ERROR, "a.md", 1, "e");
        Finding warning = finding("link.file", Severity.WARNING, "a.md", 2, "w");
        Finding info = finding("link.external", Severity.INFO, "a.md", 3, "i");
        ValidationResult result = new ValidationResult(List.of(error, warning, info), List.of());
        assertEquals(List.of(error), result.failing(FailOn.parse(null)));
        assertEquals(List.of(error, warning), result.failing(FailOn.parse("warning")));
        assertThrows(SetupException.class, () -> FailOn.parse("info"));
    }

    @Test
    void suppressionCoversTheNextBlockOrTheSameLineAndNeedsAReason() {
        Fixture f = new Fixture(temp).file("a.md", """
                # A

                <!-- runbook-ignore link.file: generated at deploy time -->
                - [one](gen/one.md)
                - [two](gen/two.md)

                [three](gen/three.md) <!-- runbook-ignore link.file: created by the installer -->
                [four](gen/four.md)

                <!-- runbook-ignore link.file -->
                [five](gen/five.md)

                <!-- runbook-ignore link.anchor: nothing to hide here -->
                Plain text.

                ```
                <!-- runbook-ignore link.file: inside code, not a suppression -->
                ```
                """);
        LoadedContent content = f.load();
        List<Finding> raw = new Validator().raw(f);
        assertEquals(5, raw.size(), raw.toString());
        ValidationResult result = new ValidationPolicy(SeverityOverrides.NONE, Baseline.EMPTY, KNOWN).apply(raw, content);
        List<String> lines = result.findings().stream().map(x -> x.line() + " " + x.ruleId()).toList();
        assertEquals(List.of("8 link.file", "10 suppression.no-reason", "11 link.file", "13 suppression.unused"), lines);
    }

    @Test
    void suppressionOfARuleSwitchedOffStillCountsAsUsed() throws SetupException {
        Fixture f = new Fixture(temp).file("a.md", "<!-- runbook-ignore link.file: known -->\n[x](nope.md)\n");
        List<Finding> raw = new Validator().raw(f);
        ValidationResult result = new ValidationPolicy(SeverityOverrides.parse(Map.of("link.file", "off"), KNOWN),
                Baseline.EMPTY, KNOWN).apply(raw, f.load());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void baselineMatchesFindingsAfterLinesShiftAndOnlyNewOnesCount() {
        List<Finding> accepted = List.of(
                finding("link.file", Severity.ERROR, "a.md", 10, "link 'x.md' points to x.md, which does not exist"),
                finding("link.file", Severity.ERROR, "a.md", 20, "link 'y.md' points to y.md, which does not exist"),
                finding("link.file", Severity.ERROR, "a.md", 30, "link 'y.md' points to y.md, which does not exist"));
        Baseline baseline = new Baseline(accepted);
        // Five lines were inserted at the top; one more y.md link was added further down; x.md was fixed.
        List<Finding> now = List.of(
                finding("link.file", Severity.ERROR, "a.md", 25, "link 'y.md' points to y.md, which does not exist"),
                finding("link.file", Severity.ERROR, "a.md", 35, "link 'y.md' points to y.md, which does not exist"),
                finding("link.file", Severity.ERROR, "a.md", 90, "link 'y.md' points to y.md, which does not exist"),
                finding("link.file", Severity.ERROR, "b.md", 10, "link 'x.md' points to x.md, which does not exist"));
        Baseline.Split split = baseline.split(now);
        assertEquals(List.of(25, 35), split.accepted().stream().map(Finding::line).toList());
        assertEquals(List.of("a.md:90", "b.md:10"), split.fresh().stream().map(x -> x.file() + ":" + x.line()).toList());
    }

    /** Runs the two local link rules without the policy. */
    private static final class Validator {
        List<Finding> raw(Fixture f) {
            return f.run(new FileLinkRule(), new AnchorLinkRule());
        }
    }
}
