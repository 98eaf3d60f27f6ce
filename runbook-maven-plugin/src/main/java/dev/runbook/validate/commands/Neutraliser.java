package dev.runbook.validate.commands;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes fill-in slots such as {@code <pod-name>} or {@code <INSERT token>} parse as plain words, keeping
 * every column where it was. Bash would read {@code <pod-name>} as two redirections and fail on the
 * missing target; that slot is {@code placeholder.fill-in}'s business, not a syntax error. A redirection
 * ({@code < file}, {@code <<EOF}, {@code 2>&1}) never matches because the slot must start with a letter
 * right after {@code <} and close with {@code >} before any space that is not part of a phrase.
 */
final class Neutraliser {

    private static final Pattern SLOT = Pattern.compile(
            "(?<![<\\w])<(?:[A-Za-z][\\w.:/@-]*(?: [\\w.:/@-]+){0,8}|(?i:your|insert|replace|enter|fill|add|put|change)\\b[^<>\\n]{0,80})>");

    /**
     * A word that starts with {@code [} where a command starts: bash's test command is the word {@code [}
     * (or {@code [[}) alone, so {@code [TBD: fill in]} or {@code [foo: bar]} is an ordinary command word to bash
     * ({@code bash -n} accepts it). tree-sitter-bash opens a test at any {@code [} and then fails, often
     * reporting the first command of the block.
     */
    private static final Pattern BRACKET_WORD = Pattern.compile("(?:^|[;&|({]|\\b(?:then|do|else)\\b)\\s*+(\\[\\[?+)[^\\s\\[]");

    private Neutraliser() {
    }

    static String neutralise(String line) {
        Matcher m = SLOT.matcher(line);
        boolean slots = m.find();
        boolean brackets = line.indexOf('[') >= 0;
        if (!slots && !brackets) {
            return line;
        }
        StringBuilder out = new StringBuilder(line);
        m.reset();
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                char c = line.charAt(i);
                out.setCharAt(i, Character.isLetterOrDigit(c) ? c : 'x');
            }
        }
        if (brackets) {
            Matcher bracket = BRACKET_WORD.matcher(line);
            while (bracket.find()) {
                for (int i = bracket.start(1); i < bracket.end(1); i++) {
                    out.setCharAt(i, 'x');
                }
            }
        }
        return out.toString();
    }
}
