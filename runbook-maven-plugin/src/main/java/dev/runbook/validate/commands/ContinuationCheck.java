package dev.runbook.validate.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds line continuations that do not continue: a {@code \} followed by spaces or tabs (bash then escapes
 * the space and ends the command there) and heredocs whose terminator never comes (or comes indented with
 * spaces, which even {@code <<-} does not strip).
 */
final class ContinuationCheck {

    /** A problem on a script line, at a char offset in that line. */
    record Problem(int scriptLine, int column, String message, String hint) {
    }

    private static final Pattern TRAILING = Pattern.compile("\\\\([ \\t]+)$");
    private static final Pattern HEREDOC = Pattern.compile("(?<![<])<<(-?)[ \\t]*(['\"]?)([A-Za-z_][\\w.-]*)\\2");

    private ContinuationCheck() {
    }

    static List<Problem> check(ShellScript script) {
        List<Problem> problems = new ArrayList<>();
        List<ShellScript.Line> lines = script.lines();
        int i = 0;
        char quote = 0;
        while (i < lines.size()) {
            String text = lines.get(i).text();
            Matcher trailing = TRAILING.matcher(text);
            if (trailing.find() && quote == 0) {
                problems.add(new Problem(i, trailing.start(),
                        "\"\\\" is followed by " + describe(trailing.group(1)) + ", so the command ends here instead of continuing",
                        "delete the whitespace after the backslash"));
            }
            Matcher heredoc = HEREDOC.matcher(text);
            boolean opened = quote == 0 && heredoc.find() && !insideQuotes(text, heredoc.start());
            quote = LanguageSniffer.quoteStateAfter(text, quote);
            if (!opened) {
                i++;
                continue;
            }
            boolean tabs = !heredoc.group(1).isEmpty();
            String terminator = heredoc.group(3);
            int end = -1;
            int spaceIndented = -1;
            for (int k = i + 1; k < lines.size(); k++) {
                String candidate = lines.get(k).text();
                String forBash = tabs ? candidate.replaceFirst("^\\t+", "") : candidate;
                if (forBash.equals(terminator)) {
                    end = k;
                    break;
                }
                if (spaceIndented < 0 && candidate.strip().equals(terminator)) {
                    spaceIndented = k;
                }
            }
            if (end < 0) {
                if (spaceIndented >= 0) {
                    problems.add(new Problem(spaceIndented, 0,
                            "heredoc terminator " + terminator + " is indented or has trailing spaces, so bash never sees it",
                            tabs ? "indent the terminator with tabs only (<<- strips tabs, not spaces), or not at all"
                                    : "put " + terminator + " alone at the start of the line"));
                } else {
                    problems.add(new Problem(i, heredoc.start(),
                            "heredoc <<" + heredoc.group(1) + terminator + " is never closed: no line \"" + terminator + "\" follows",
                            "end the heredoc with a line containing only " + terminator));
                }
                return problems;
            }
            i = end + 1;
            quote = 0;
        }
        return problems;
    }

    private static boolean insideQuotes(String text, int index) {
        return LanguageSniffer.quoteStateAfter(text.substring(0, index), (char) 0) != 0;
    }

    private static String describe(String whitespace) {
        int tabs = (int) whitespace.chars().filter(c -> c == '\t').count();
        int spaces = whitespace.length() - tabs;
        if (tabs == 0) {
            return spaces == 1 ? "a space" : spaces + " spaces";
        }
        return spaces == 0 ? (tabs == 1 ? "a tab" : tabs + " tabs") : "spaces and tabs";
    }
}
