package dev.runbook.validate.placeholders;

import dev.runbook.validate.RuleSettings;

/**
 * Tells the command and syntax rules whether a code line carries a placeholder, so a line with a TODO or a
 * fill-in is reported once (by the placeholder rules) and not again as a syntax error.
 */
public final class PlaceholderLines {

    private final TodoFinder todos;
    private final FillInFinder fillIns;

    public PlaceholderLines(RuleSettings settings) {
        this.todos = new TodoFinder(settings.todoWords(), settings.extraTodoPatterns());
        this.fillIns = new FillInFinder(settings.extraFillInPatterns());
    }

    public boolean hasPlaceholder(String codeLine) {
        return !todos.inCode(codeLine).isEmpty() || !fillIns.inCode(codeLine, false).isEmpty();
    }
}
