package dev.runbook.validate.frontmatter;

import dev.runbook.findings.Severity;
import dev.runbook.load.FrontMatterParser;

/** {@code frontmatter.unknown-key}: a front-matter key the plugin does not know (often a typo). */
public final class FrontMatterUnknownKeyRule extends LoaderFindingRule {

    @Override
    public String id() {
        return FrontMatterParser.RULE_UNKNOWN_KEY;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "A front-matter key the plugin does not know; it is ignored";
    }
}
