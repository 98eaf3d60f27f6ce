package dev.runbook.validate.frontmatter;

import dev.runbook.findings.Severity;
import dev.runbook.load.ContentLoader;

/** {@code file.unreadable}: a {@code .md} file that could not be read (too large, binary, symlink out of the folder, I/O error). */
public final class UnreadableFileRule extends LoaderFindingRule {

    @Override
    public String id() {
        return ContentLoader.RULE_UNREADABLE;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "A Markdown file that could not be read or parsed, so none of its content was checked";
    }
}
