package dev.runbook.smoke.kind.http;

import dev.runbook.smoke.probe.SyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code curl} line into words with the quoting rules of a POSIX shell (single quotes, double
 * quotes, backslash escapes, {@code \} line continuation), and rejects every construct that would make a
 * shell do more than run one command: command substitution, pipes, lists, redirections, background jobs
 * and variable expansion. Nothing is ever handed to a shell; the rejection exists because readers copy
 * these lines into one, and because a line that needs a shell cannot mean what it says here.
 */
final class ShellWords {

    /** A line of the probe: its file line and the column of its first character. */
    record Segment(int line, int firstColumn, String text) {
    }

    record Word(String text, int line, int column) {
    }

    private ShellWords() {
    }

    static List<Word> split(List<Segment> segments) throws SyntaxException {
        List<Word> words = new ArrayList<>();
        StringBuilder current = null;
        int wordLine = 0;
        int wordColumn = 0;
        char quote = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment seg = segments.get(s);
            String text = seg.text();
            boolean continued = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int col = seg.firstColumn() + i;
                if (quote == '\'') {
                    if (c == '\'') {
                        quote = 0;
                    } else {
                        current.append(c);
                    }
                    continue;
                }
                if (quote == '"') {
                    if (c == '"') {
                        quote = 0;
                    } else if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        current.append(text.charAt(++i));
                    } else {
                        rejectExpansion(text, i, seg.line(), col);
                        current.append(c);
                    }
                    continue;
                }
                if (c == ' ' || c == '\t') {
                    if (current != null) {
                        words.add(new Word(current.toString(), wordLine, wordColumn));
                        current = null;
                    }
                    continue;
                }
                if (c == '\\' && i == text.length() - 1) {
                    continued = true;
                    break;
                }
                rejectOperator(text, i, seg.line(), col);
                rejectExpansion(text, i, seg.line(), col);
                if (current == null) {
                    current = new StringBuilder();
                    wordLine = seg.line();
                    wordColumn = col;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            }
            if (quote != 0) {
                throw new SyntaxException(wordLine, wordColumn, "unterminated " + (quote == '"' ? "double" : "single")
                        + " quote in curl command", "close the quote on the same line");
            }
        }
        if (current != null) {
            words.add(new Word(current.toString(), wordLine, wordColumn));
        }
        return words;
    }

    private static void rejectOperator(String text, int i, int line, int col) throws SyntaxException {
        char c = text.charAt(i);
        String token = switch (c) {
            case '|' -> i + 1 < text.length() && text.charAt(i + 1) == '|' ? "||" : "|";
            case '&' -> i + 1 < text.length() && text.charAt(i + 1) == '&' ? "&&" : "&";
            case ';' -> ";";
            case '>' -> ">";
            case '<' -> "<";
            case '`' -> "`";
            default -> null;
        };
        if (token == null) {
            return;
        }
        String what = switch (token) {
            case "|" -> "a pipe";
            case "||", "&&", ";" -> "a command list";
            case "&" -> "a background job";
            case "`" -> "command substitution";
            default -> "a redirection";
        };
        throw new SyntaxException(line, col, "'" + token + "' (" + what + ") is not allowed in a smoke curl line",
                "a smoke block runs one request and never a shell; assert on the response with `expect` lines instead"
                        + ("&".equals(token) ? "; quote a URL that contains '&'" : ""));
    }

    private static void rejectExpansion(String text, int i, int line, int col) throws SyntaxException {
        char c = text.charAt(i);
        if (c == '`') {
            throw new SyntaxException(line, col, "'`' (command substitution) is not allowed in a smoke curl line",
                    "a smoke block never runs a shell; put the value in runbook-environments.yaml and write {{name}}");
        }
        if (c != '$' || i + 1 >= text.length()) {
            return;
        }
        char next = text.charAt(i + 1);
        if (next == '(') {
            throw new SyntaxException(line, col, "'$(' (command substitution) is not allowed in a smoke curl line",
                    "a smoke block never runs a shell; put the value in runbook-environments.yaml and write {{name}}");
        }
        if (next == '{' || next == '_' || Character.isLetter(next)) {
            int end = i + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_{}".indexOf(text.charAt(end)) >= 0)) {
                end++;
            }
            String variable = text.substring(i, end);
            String bare = variable.replace("$", "").replace("{", "").replace("}", "");
            throw new SyntaxException(line, col, "shell variable " + variable + " would not be expanded in a smoke check",
                    "write {{" + bare + "}} and define it under `variables` (or `secrets`) in runbook-environments.yaml");
        }
    }
}
