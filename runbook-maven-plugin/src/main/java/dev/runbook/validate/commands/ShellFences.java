package dev.runbook.validate.commands;

import dev.runbook.model.CodeBlock;
import dev.runbook.validate.ContentRuleSettings;

/** Which code blocks the command rules read as shell. */
final class ShellFences {

    private ShellFences() {
    }

    static boolean isShell(CodeBlock block, ContentRuleSettings settings) {
        return block.fenced() && settings.isShell(block.language());
    }
}
