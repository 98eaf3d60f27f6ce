package dev.runbook.validate.commands;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.syntax.CodeColumns;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code command.prompt} (warning): {@code $ } prompts in a shell fence that is not {@code console}. The
 * site's copy button copies the {@code $} too, and the pasted command fails. Reported once per block, at the
 * first prompt.
 */
public final class CommandPromptRule implements Rule {

    public static final String ID = "command.prompt";

    private static final Pattern PROMPT = ShellScript.DOLLAR_PROMPT;

    private final RuleSettings settings;

    public CommandPromptRule(RuleSettings settings) {
        this.settings = settings;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "$ prompts in a non-console fence (breaks copy-paste)");

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
        for (CodeBlock block : runbook.codeBlocks()) {
            if (!ShellFences.isShell(block, settings) || "console".equals(block.language())) {
                continue;
            }
            List<String> lines = block.lines();
            int first = -1;
            int column = 0;
            int count = 0;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = PROMPT.matcher(lines.get(i));
                if (m.find()) {
                    if (first < 0) {
                        first = i;
                        column = m.end(1) - m.group(1).stripLeading().length();
                    }
                    count++;
                }
            }
            if (first >= 0) {
                sink.report(this, runbook, CodeColumns.at(runbook, block, first, column),
                        "```" + block.language() + " block has a \"$ \" prompt on " + (count == 1 ? "1 line" : count + " lines")
                                + "; copying the command copies the \"$\" too",
                        "use a ```console fence (prompts and output are then shown as such) or drop the \"$ \" prompts");
            }
        }
    }
}
