package dev.runbook.validate.frontmatter;

import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.load.FrontMatterParser;
import dev.runbook.model.Runbook;
import dev.runbook.validate.ValidationContext;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code frontmatter.unknown-key}: a front-matter key the plugin does not know (often a typo). Keys that
 * another tool reads from the same files (Hugo's {@code weight}, {@code bookCollapseSection}, …) can be
 * declared with {@code runbook.frontMatter.allowedKeys} and are then not reported.
 */
public final class FrontMatterUnknownKeyRule extends LoaderFindingRule {

    private static final Pattern KEY = Pattern.compile("^\\s*(?:-\\s+)?[\"']?([^\"':#]+?)[\"']?\\s*:");

    private final Set<String> allowedKeys;

    public FrontMatterUnknownKeyRule() {
        this(Set.of());
    }

    public FrontMatterUnknownKeyRule(Set<String> allowedKeys) {
        this.allowedKeys = Set.copyOf(allowedKeys);
    }

    private static final RuleInfo INFO = new RuleInfo(FrontMatterParser.RULE_UNKNOWN_KEY, Severity.WARNING,
            "A front-matter key the plugin does not know; it is ignored");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    protected boolean keep(Finding finding, ValidationContext context) {
        if (allowedKeys.isEmpty()) {
            return true;
        }
        // The loader points at the key's line; the key is read back from there.
        Optional<Runbook> runbook = context.content().byRelativePath(finding.file());
        if (runbook.isEmpty()) {
            return true;
        }
        Matcher m = KEY.matcher(runbook.get().source().line(finding.line()));
        return !(m.find() && allowedKeys.contains(m.group(1).strip()));
    }
}
