package dev.runbook.validate.smoke;

import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code smoke.no-assertion}: a smoke block with no {@code expect} line. It still proves something (the
 * runner holds it to {@code status < 400}, or {@code connected == true} for other probes), but a reader
 * cannot see that, and a health check usually means more: the author should write it down.
 */
public final class SmokeNoAssertionRule implements Rule {

    public static final String ID = "smoke.no-assertion";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "A smoke block without an expect line: it only proves status < 400 (HTTP) or connected == true.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Its findings on a page depend on that page alone: validate keeps them per page. */
    @Override
    public String perPageKey(ValidationContext context) {
        return "";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        for (BlockParse parse : SmokeParser.parse(runbook)) {
            if (parse.ok() && parse.check().assertions().isEmpty()) {
                String implied = parse.check().probe().impliedExpectation();
                sink.report(new Finding(ID, defaultSeverity(), runbook.relativePath(), parse.block().position().line(), 1,
                        "smoke block '" + parse.check().name() + "' has no expect line; it only checks " + implied,
                        "say what proves the procedure works, e.g. `expect " + implied + "` or `expect status == 200` and "
                                + "`expect json $.status == \"ok\"`"));
            }
        }
    }
}
