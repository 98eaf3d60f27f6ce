package dev.runbook.load;

import dev.runbook.model.SourcePosition;

import java.util.Optional;

/**
 * flexmark finds a heading's closing {@code #}s with {@code (^| |\t)[ \t]*#+[ \t]*$}, which tries every
 * space of the line as a start and runs to the end of its run of blanks: a heading line holding a run of
 * n spaces costs n² steps (300,000 spaces: minutes). This guard adds up that cost for every line that
 * may be a heading before the file is parsed, and refuses the file past a budget no real page comes near
 * (a heading with a 3,000-space gap), so a hostile page costs milliseconds instead of hanging CI.
 */
final class HeadingWhitespaceGuard {

    static final long BUDGET = 10_000_000L;

    private HeadingWhitespaceGuard() {
    }

    /** Where the text goes over the budget, if it does. */
    static Optional<SourcePosition> overBudget(String text) {
        long cost = 0;
        int line = 1;
        int lineStart = 0;
        int length = text.length();
        while (lineStart <= length) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                end = length;
            }
            if (mayBeHeading(text, lineStart, end)) {
                int run = 0;
                int runStart = lineStart;
                for (int i = lineStart; i <= end; i++) {
                    char c = i < end ? text.charAt(i) : '\n';
                    if (c == ' ' || c == '\t') {
                        if (run == 0) {
                            runStart = i;
                        }
                        run++;
                    } else if (run > 0) {
                        cost += (long) run * run;
                        if (cost > BUDGET) {
                            return Optional.of(new SourcePosition(line, runStart - lineStart + 1));
                        }
                        run = 0;
                    }
                }
            }
            line++;
            lineStart = end + 1;
        }
        return Optional.empty();
    }

    /** After any block-quote and list markers, the line starts with {@code #}: a generous over-approximation. */
    private static boolean mayBeHeading(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '#') {
                return true;
            }
            if (" \t>-*+.)0123456789\r".indexOf(c) < 0) {
                return false;
            }
        }
        return false;
    }
}
