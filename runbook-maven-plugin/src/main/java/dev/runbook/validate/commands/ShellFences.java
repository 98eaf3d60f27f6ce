package dev.runbook.validate.commands;

import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.syntax.CodeColumns;

import java.util.ArrayList;
import java.util.List;

/** Which code blocks the command rules read as shell, and the script each rule reads from them. */
final class ShellFences {

    private ShellFences() {
    }

    /** A shell fence and the script read from it (prompts stripped for console fences). */
    record Fenced(CodeBlock block, ShellScript script) {

        /** Where a column of a script line stands in the Markdown file. */
        SourcePosition position(Runbook runbook, int scriptLine, int column) {
            ShellScript.Line line = script.lines().get(scriptLine);
            return CodeColumns.at(runbook, block, line.bodyLine(), line.offset() + column);
        }

        /**
         * True when there is nothing to parse, or command.language / command.continuation already report the
         * block: a parser would only say the same thing again, less clearly.
         */
        boolean leftToOtherRules() {
            return script.isEmpty() || LanguageSniffer.sniff(script).isPresent() || !ContinuationCheck.check(script).isEmpty();
        }
    }

    static boolean isShell(CodeBlock block, RuleSettings settings) {
        return block.fenced() && settings.isShell(block.language());
    }

    static List<Fenced> of(Runbook runbook, RuleSettings settings) {
        List<Fenced> fences = new ArrayList<>();
        for (CodeBlock block : runbook.codeBlocks()) {
            if (isShell(block, settings)) {
                fences.add(new Fenced(block, ShellScript.of(block)));
            }
        }
        return fences;
    }
}
