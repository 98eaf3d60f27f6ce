package dev.runbook.validate.syntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what a JSON parse error means the way a person would ("trailing comma before `}`", "missing comma
 * between `1` and `"b"`", "unterminated string"), and where to fix it: the comma to delete, the place the
 * comma belongs, the quote that never closes. Built from Jackson's error location and message kind; Jackson's
 * own text ({@code Unexpected character ('}' (code 125))…}) never reaches the reader.
 *
 * @param line   1-based line in the block
 * @param column 0-based char column in that line
 */
record JsonProblem(int line, int column, String message) {

    private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)\\]");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    /** {@code line}/{@code column} as Jackson reports them (1-based); {@code message} is Jackson's original message. */
    static JsonProblem of(String text, int line, int column, String message) {
        int at = offset(text, line, column - 1);
        Matcher character = CHARACTER.matcher(message);
        if (character.find()) {
            char c = character.group(1).charAt(0);
            int previous = previousSignificant(text, at);
            if ((c == '}' || c == ']') && previous >= 0 && text.charAt(previous) == ',') {
                return at(text, previous, "trailing comma before `" + c + "`: JSON allows no comma after the last "
                        + (c == '}' ? "entry" : "element"));
            }
            if (message.contains("was expecting comma")) {
                return at(text, previous + 1, "missing comma between `" + tokenEndingAt(text, previous) + "` and `"
                        + tokenStartingAt(text, at) + "`");
            }
            if (message.contains("was expecting a colon")) {
                return at(text, previous + 1, "missing `:` between the key `" + tokenEndingAt(text, previous)
                        + "` and its value");
            }
            if (c == '/' || c == '#') {
                return at(text, at, "a comment: JSON has no comments");
            }
            if (c == '\'') {
                return at(text, at, "single quotes: JSON strings and keys take double quotes");
            }
            if (c == '.') {
                return at(text, at, "`" + tokenStartingAt(text, at) + "` is not a JSON value (an elision?)");
            }
            if (message.contains("double-quote to start field name") && Character.isLetter(c)) {
                return at(text, at, "key `" + tokenStartingAt(text, at) + "` is not quoted: JSON keys take double quotes");
            }
            return at(text, at, "unexpected `" + c + "`");
        }
        if (message.contains("CTRL-CHAR") || message.contains("closing quote")) {
            int opening = openingQuote(text, at);
            return at(text, opening, "unterminated string: this `\"` is never closed on its line");
        }
        if (message.startsWith("Unexpected close marker")) {
            return at(text, at, "extra `" + message.charAt("Unexpected close marker '".length()) + "` with nothing open to close");
        }
        if (message.contains("expected close marker")) {
            Matcher start = START_MARKER.matcher(message);
            boolean object = message.contains("for Object");
            String what = "unclosed `" + (object ? "{" : "[") + "`: the block ends before its `" + (object ? "}" : "]") + "`";
            return start.find()
                    ? at(text, offset(text, Integer.parseInt(start.group(1)), Integer.parseInt(start.group(2)) - 1), what)
                    : at(text, at, what);
        }
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            return at(text, offset(text, line, column - 1) - token.group(1).length(), "`" + token.group(1)
                    + "` is not a JSON value: strings take double quotes; the words are true, false and null");
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            String key = "\"" + duplicate.group(1) + "\"";
            int name = text.lastIndexOf(key, at);
            int first = text.indexOf(key);
            String firstLine = first >= 0 && first < name ? " (first on line " + lineOf(text, first) + " of the block)" : "";
            return at(text, name >= 0 ? name : at, "duplicate key " + key + firstLine + "; the second silently wins");
        }
        if (message.contains("Leading zeroes")) {
            return at(text, at, "number with a leading zero: write it without the 0, or quote it");
        }
        String plain = message.replaceAll("\\s*\\(.*", "").strip();
        return at(text, at, plain.isEmpty() ? "does not parse" : plain);
    }

    private static JsonProblem at(String text, int offset, String message) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
        return new JsonProblem(lineOf(text, clamped), clamped - lineStart, message);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int offset(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            offset = newline + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column));
    }

    private static int previousSignificant(String text, int before) {
        int i = Math.min(before, text.length()) - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** The value or key that ends at {@code end}: {@code "name"}, {@code 42}, {@code true}, {@code ]}. */
    private static String tokenEndingAt(String text, int end) {
        if (end < 0) {
            return "";
        }
        char c = text.charAt(end);
        int start = end;
        if (c == '"') {
            start = text.lastIndexOf('"', end - 1);
            start = start < 0 ? end : start;
        } else if (Character.isLetterOrDigit(c) || c == '.' || c == '-') {
            while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || "+-.".indexOf(text.charAt(start - 1)) >= 0)) {
                start--;
            }
        }
        return shorten(text.substring(start, end + 1));
    }

    private static String tokenStartingAt(String text, int start) {
        if (start >= text.length()) {
            return "";
        }
        char c = text.charAt(start);
        int end = start + 1;
        if (c == '"') {
            int close = text.indexOf('"', start + 1);
            end = close < 0 ? text.length() : close + 1;
        } else {
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",:}]".indexOf(text.charAt(end)) < 0) {
                end++;
            }
        }
        return shorten(text.substring(start, end));
    }

    private static String shorten(String token) {
        String oneLine = token.replace('\n', ' ');
        return oneLine.length() > 30 ? oneLine.substring(0, 29) + "…" : oneLine;
    }

    /** The {@code "} that opened the string still open at {@code at}, on the line where that string starts. */
    private static int openingQuote(String text, int at) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(at, text.length()) - 1)) + 1;
        if (at > 0 && at <= text.length() && text.charAt(at - 1) == '\n') {
            lineStart = text.lastIndexOf('\n', at - 2) + 1;
        }
        int open = -1;
        for (int i = lineStart; i < Math.min(at, text.length()); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                break;
            }
            if (open >= 0 && c == '\\') {
                i++;
            } else if (c == '"') {
                open = open >= 0 ? -1 : i;
            }
        }
        return open >= 0 ? open : at;
    }
}
