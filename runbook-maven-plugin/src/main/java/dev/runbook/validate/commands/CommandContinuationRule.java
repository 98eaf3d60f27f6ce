package dev.runbook.validate.commands;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code command.continuation} (error): in a shell fence, a {@code \} followed by spaces or tabs at the end
 * of a line (the next line then runs as a separate command), or a heredoc ({@code <<EOF}, {@code <<-'EOF'})
 * whose terminator line never comes or is indented with spaces.
 */
public final class CommandContinuationRule implements Rule {

    public static final String ID = "command.continuation";

    private final RuleSettings settings;

    public CommandContinuationRule(RuleSettings settings) {
        this.settings = settings;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "\\ followed by spaces at end of line; unterminated heredoc");

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
        for (ShellFences.Fenced fence : ShellFences.of(runbook, settings, context.facts())) {
            for (ContinuationCheck.Problem problem : fence.continuationProblems()) {
                sink.report(this, runbook, fence.position(runbook, problem.scriptLine(), problem.column()),
                        problem.message(), problem.hint());
            }
        }
    }
}
