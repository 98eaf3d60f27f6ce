package dev.runbook.validate.frontmatter;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.load.ContentLoader;

/** {@code file.unreadable}: a {@code .md} file that could not be read (too large, binary, symlink out of the folder, I/O error). */
public final class UnreadableFileRule extends LoaderFindingRule {

    private static final RuleInfo INFO = new RuleInfo(ContentLoader.RULE_UNREADABLE, Severity.ERROR,
            "A Markdown file that could not be read or parsed, so none of its content was checked");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
