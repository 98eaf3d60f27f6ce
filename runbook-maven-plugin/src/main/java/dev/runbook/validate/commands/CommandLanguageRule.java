package dev.runbook.validate.commands;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

/**
 * {@code command.language} (error): a shell fence that holds SQL ({@code SELECT … FROM}, {@code UPDATE … SET},
 * {@code CREATE TABLE}), MongoDB/JavaScript ({@code db.orders.find(}, {@code rs.status()}) or numbered prose
 * steps ({@code 1. Go to …}). Pasted into a terminal it fails or, worse, runs something else. SQL inside a
 * client call ({@code psql -c "SELECT 1"}), a heredoc or a comment is shell and is not reported.
 */
public final class CommandLanguageRule implements Rule {

    public static final String ID = "command.language";

    private final RuleSettings settings;

    public CommandLanguageRule(RuleSettings settings) {
        this.settings = settings;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "wrong language in a shell fence: SQL, Mongo/JS, prose steps");

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
            fence.otherLanguage().ifPresent(found -> {
                String sample = found.sample().length() > 40 ? found.sample().substring(0, 39) + "…" : found.sample();
                sink.report(this, runbook, fence.position(runbook, found.scriptLine(), found.column()),
                        "```" + fence.block().language() + " block contains " + found.language() + ", not shell: \"" + sample + "\"",
                        found.hint());
            });
        }
    }
}
