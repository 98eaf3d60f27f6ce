package dev.runbook.validate.placeholders;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

import java.util.List;

/**
 * {@code placeholder.todo} (error): a TODO, TBD, FIXME or XXX left in prose, headings, tables, front-matter
 * or code (comments included), also as {@code [TODO: …]}, {@code [TBD]} or a lower-case {@code todo:} note.
 * The words must stand alone: {@code TODOS}, {@code todo-app}, {@code mktemp XXXXXX} and URLs do not count.
 * An on-call engineer cannot act on a step that was never written.
 */
public final class TodoPlaceholderRule implements Rule {

    public static final String ID = "placeholder.todo";

    private final TodoFinder finder;

    public TodoPlaceholderRule(RuleSettings settings) {
        this.finder = new TodoFinder(settings.todoWords(), settings.extraTodoPatterns());
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "TODO, TBD, FIXME or XXX left in prose, tables or code");

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
        for (RunbookLines.Line line : RunbookLines.of(runbook)) {
            List<PlaceholderMatch> found = line.isCode() ? finder.inCode(line.text()) : finder.inProse(line.urlMasked());
            for (PlaceholderMatch match : found) {
                String where = line.isCode() ? "in a code block" : "in the text";
                sink.report(this, runbook, new SourcePosition(line.number(), match.start() + 1),
                        "unfinished placeholder \"" + match.text() + "\" " + where + ": \"" + Snippets.quote(line.text()) + "\"",
                        "write the missing content or delete the marker; at 3 a.m. nobody can act on a "
                                + match.text());
            }
        }
    }
}
