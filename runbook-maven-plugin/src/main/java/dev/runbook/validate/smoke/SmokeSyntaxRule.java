package dev.runbook.validate.smoke;

import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.smoke.parse.BlockParse;
import dev.runbook.smoke.parse.SmokeParser;
import dev.runbook.smoke.parse.SmokeSyntaxError;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code smoke.syntax}: a smoke block that the smoke runner could not run — an unknown curl flag, a shell
 * construct, a bad assertion, a write method without {@code write=true}. Uses the runner's own parser,
 * so what validates is exactly what runs.
 */
public final class SmokeSyntaxRule implements Rule {

    public static final String ID = "smoke.syntax";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "A smoke block that does not parse: unknown curl flag, shell construct, bad assertion, write without write=true.");

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
            for (SmokeSyntaxError e : parse.errors()) {
                sink.report(new Finding(ID, defaultSeverity(), runbook.relativePath(), e.line(), e.column(), e.message(), e.hint()));
            }
        }
    }
}
