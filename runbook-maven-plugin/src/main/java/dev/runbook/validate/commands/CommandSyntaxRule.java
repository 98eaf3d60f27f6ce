package dev.runbook.validate.commands;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.placeholders.PlaceholderLines;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code command.syntax} (error): a shell fence (bash, sh, shell, zsh; in {@code console} fences only the
 * prompt lines) that bash cannot parse, such as an unclosed quote, {@code if} without {@code fi}, a stray
 * {@code )}. Parsed in-process with tree-sitter-bash; nothing is executed. Reported once per block, at the
 * first error. Not reported when the block is another language ({@code command.language}), has a broken
 * continuation ({@code command.continuation}), or when the error is on a line with a placeholder
 * ({@code placeholder.*}); fill-in slots such as {@code <pod-name>} are read as plain words.
 */
public final class CommandSyntaxRule implements Rule {

    public static final String ID = "command.syntax";

    private final RuleSettings settings;
    private final PlaceholderLines placeholders;
    /** tree-sitter parsers are not thread-safe: one per thread. */
    private final ThreadLocal<BashParser.Loaded> parsers;
    private final AtomicBoolean toldNoParser = new AtomicBoolean();

    public CommandSyntaxRule(RuleSettings settings) {
        this(settings, BashParser::load);
    }

    /** For tests: how the parser is obtained, so a machine without the native library can be simulated. */
    CommandSyntaxRule(RuleSettings settings, Supplier<BashParser.Loaded> loader) {
        this.settings = settings;
        this.placeholders = new PlaceholderLines(settings);
        this.parsers = ThreadLocal.withInitial(loader);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "shell fence (bash, sh, shell, zsh, console) that does not parse");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * Its findings on a page depend on that page alone while the shell parser loads; without the parser the
     * rule finds nothing (and says so), which must not be kept as "no problem".
     */
    @Override
    public String perPageKey(ValidationContext context) {
        return parsers.get().parser() == null ? null : "parser";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        BashParser.Loaded loaded = null;
        for (ShellFences.Fenced fence : ShellFences.of(runbook, settings, context.facts())) {
            if (fence.leftToOtherRules()) {
                continue;
            }
            ShellScript script = fence.script();
            if (loaded == null) {
                loaded = parsers.get();
            }
            if (loaded.parser() == null) {
                if (toldNoParser.compareAndSet(false, true)) {
                    context.log().warn("[" + ID + "] shell syntax is NOT checked: " + loaded.failure()
                            + ". Turn the rule off (severity off) to silence this, or run on linux/macos x86_64/aarch64"
                            + " or windows x86_64.");
                }
                return;
            }
            Optional<BashParser.Problem> problem = fence.syntaxProblem(loaded.parser(), context.facts());
            if (problem.isEmpty() || comesFromPlaceholderLines(loaded.parser(), script)) {
                continue;
            }
            int row = Math.min(problem.get().row(), script.lines().size() - 1);
            int column = problem.get().row() < script.lines().size() ? problem.get().column()
                    : script.lines().get(row).text().length();
            String detail = problem.get().detail();
            boolean atEnd = problem.get().row() >= script.lines().size() - 1 && column >= script.lines().get(row).text().stripTrailing().length();
            if (atEnd || detail.startsWith("missing \"\"") || detail.startsWith("missing \"'")) {
                // tree-sitter reports an unclosed quote where the input ends; point at where it opened.
                Optional<UnclosedQuote.Opening> opening = UnclosedQuote.find(script);
                if (opening.isPresent()) {
                    row = opening.get().scriptLine();
                    column = opening.get().column();
                    detail = "unclosed " + opening.get().quote() + " quote";
                }
            }
            ShellScript.Line line = script.lines().get(row);
            if (placeholders.hasPlaceholder(line.text())) {
                continue;
            }
            sink.report(this, runbook, fence.position(runbook, row, column),
                    "shell command does not parse: " + detail,
                    "fix the quoting or the unclosed construct here; check the command by pasting it into bash -n");
        }
    }

    /**
     * True when the script parses once the lines a placeholder rule reports are left out
     * ({@code [TBD: fill in the endpoint]}, {@code TODO: add the restart step}): the placeholder finding
     * already says what is wrong there, and the parse error would only repeat it somewhere less useful.
     */
    private boolean comesFromPlaceholderLines(BashParser parser, ShellScript script) {
        StringBuilder without = new StringBuilder();
        boolean any = false;
        for (ShellScript.Line line : script.lines()) {
            if (placeholders.hasPlaceholder(line.text())) {
                any = true;
                without.append(" ".repeat(line.text().length()));
            } else {
                without.append(Neutraliser.neutralise(line.text()));
            }
            without.append('\n');
        }
        return any && parser.firstProblem(without.toString()).isEmpty();
    }
}
