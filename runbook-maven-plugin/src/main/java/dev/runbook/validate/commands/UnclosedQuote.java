package dev.runbook.validate.commands;

import java.util.Optional;

/**
 * Where a quote opened that never closes. tree-sitter reports an unclosed quote at the end of the input,
 * which is not where anyone can fix it; this finds the opening quote instead.
 */
final class UnclosedQuote {

    /** 0-based script line and char offset of the opening quote, and the quote char. */
    record Opening(int scriptLine, int column, char quote) {
    }

    private UnclosedQuote() {
    }

    static Optional<Opening> find(ShellScript script) {
        Opening open = null;
        for (int l = 0; l < script.lines().size(); l++) {
            String text = script.lines().get(l).text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (open == null) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                        break;
                    } else if (c == '\'' || c == '"') {
                        open = new Opening(l, i, c);
                    }
                } else if (open.quote() == '"' && c == '\\') {
                    i++;
                } else if (c == open.quote()) {
                    open = null;
                }
            }
        }
        return Optional.ofNullable(open);
    }
}
