package dev.runbook.validate.frontmatter;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.load.FrontMatterParser;

/** {@code frontmatter.schema}: front-matter that is not valid YAML, a value of the wrong type, a bad date or period. */
public final class FrontMatterSchemaRule extends LoaderFindingRule {

    private static final RuleInfo INFO = new RuleInfo(FrontMatterParser.RULE_SCHEMA, Severity.ERROR,
            "Front-matter that does not parse, or a key with a value of the wrong type (dates, severity, lists)");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
