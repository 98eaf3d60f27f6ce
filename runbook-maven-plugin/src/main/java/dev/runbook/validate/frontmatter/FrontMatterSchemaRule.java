package dev.runbook.validate.frontmatter;

import dev.runbook.findings.Severity;
import dev.runbook.load.FrontMatterParser;

/** {@code frontmatter.schema}: front-matter that is not valid YAML, a value of the wrong type, a bad date or period. */
public final class FrontMatterSchemaRule extends LoaderFindingRule {

    @Override
    public String id() {
        return FrontMatterParser.RULE_SCHEMA;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "Front-matter that does not parse, or a key with a value of the wrong type (dates, severity, lists)";
    }
}
