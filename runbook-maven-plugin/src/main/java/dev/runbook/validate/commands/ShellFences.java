package dev.runbook.validate.commands;

import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.PageFacts;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.syntax.CodeColumns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which code blocks the command rules read as shell, and the script each rule reads from them. Four rules
 * read the same fences (language, continuation, syntax, ShellCheck): each fence's script, what it looks
 * like and its bash parse are made once per run ({@link PageFacts}).
 */
final class ShellFences {

    private static final PageFacts.Kind<CodeBlock, Fenced> FENCED = new PageFacts.Kind<>("shell fence");
    private static final PageFacts.Kind<CodeBlock, Optional<BashParser.Problem>> PARSED =
            new PageFacts.Kind<>("bash parse");

    private ShellFences() {
    }

    /**
     * A shell fence, the script read from it (prompts stripped for console fences), and what two rules find in
     * that script: another language it holds ({@code command.language}), broken line continuations
     * ({@code command.continuation}).
     */
    record Fenced(CodeBlock block, ShellScript script, Optional<LanguageSniffer.Mismatch> otherLanguage,
                  List<ContinuationCheck.Problem> continuationProblems) {

        static Fenced of(CodeBlock block) {
            ShellScript script = ShellScript.of(block);
            return new Fenced(block, script, LanguageSniffer.sniff(script), ContinuationCheck.check(script));
        }

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
            return script.isEmpty() || otherLanguage.isPresent() || !continuationProblems.isEmpty();
        }

        /** The first bash syntax problem of the script as {@code parser} finds it, parsed once per run. */
        Optional<BashParser.Problem> syntaxProblem(BashParser parser, PageFacts facts) {
            return facts.get(PARSED, block, b -> parser.firstProblem(script.neutralText()));
        }
    }

    static boolean isShell(CodeBlock block, RuleSettings settings) {
        return block.fenced() && settings.isShell(block.language());
    }

    static List<Fenced> of(Runbook runbook, RuleSettings settings, PageFacts facts) {
        List<Fenced> fences = new ArrayList<>();
        for (CodeBlock block : runbook.codeBlocks()) {
            if (isShell(block, settings)) {
                fences.add(facts.get(FENCED, block, Fenced::of));
            }
        }
        return fences;
    }
}
