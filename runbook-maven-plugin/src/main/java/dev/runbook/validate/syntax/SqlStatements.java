package dev.runbook.validate.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SQL block into statements the way psql does: at {@code ;} outside quotes, comments and
 * dollar-quoted bodies; psql meta-commands ({@code \x}, {@code \dt}, {@code \c db}, {@code \timing}) and
 * prompts ({@code postgres=# }) are blanked first, and a trailing {@code \g}/{@code \gx}/{@code \watch}
 * ends a statement. Blanking keeps every offset, so positions still map to the block.
 */
final class SqlStatements {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$[A-Za-z_]?\\w*\\$");

    /** One statement: its text (blanks kept) and its offset in the block body. */
    record Statement(String text, int offset) {
    }

    private static final Pattern PROMPT = Pattern.compile("^(\\s*[\\w.-]+[=\\-(][#>]\\s?)");
    private static final Pattern META_LINE = Pattern.compile("^\\s*\\\\.*$");
    /** Starts only at the first blank of a run (lookbehind): from every blank of a long run it is quadratic. */
    private static final Pattern TRAILING_SEND = Pattern.compile("(?<!\\s)\\s*\\\\(?:G|g|gx|gset|gexec|watch|crosstabview)\\b.*$");

    private SqlStatements() {
    }

    static List<Statement> split(List<String> lines) {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append(clean(line)).append('\n');
        }
        String text = body.toString();
        List<Statement> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                while (close > 0 && close + 1 < text.length() && text.charAt(close + 1) == c) {
                    close = text.indexOf(c, close + 2);
                }
                i = close < 0 ? text.length() : close + 1;
            } else if (c == '-' && text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int end = text.indexOf(tag, i + tag.length());
                i = end < 0 ? text.length() : end + tag.length();
            } else if (c == ';') {
                add(out, text, start, i + 1);
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        add(out, text, start, text.length());
        return out;
    }

    private static String clean(String line) {
        if (META_LINE.matcher(line).matches()) {
            return " ".repeat(line.length());
        }
        Matcher prompt = PROMPT.matcher(line);
        String cleaned = line;
        if (prompt.find()) {
            cleaned = " ".repeat(prompt.end(1)) + line.substring(prompt.end(1));
        }
        Matcher send = TRAILING_SEND.matcher(cleaned);
        if (send.find()) {
            cleaned = cleaned.substring(0, send.start()) + ";" + " ".repeat(cleaned.length() - send.start() - 1);
        }
        return cleaned;
    }

    private static String dollarTag(String text, int i) {
        Matcher m = DOLLAR_TAG.matcher(text).region(i, text.length());
        return m.lookingAt() ? m.group() : null;
    }

    private static void add(List<Statement> out, String text, int start, int end) {
        String statement = text.substring(start, end);
        String meaningful = statement.replaceAll("(?s)--[^\\n]*|/\\*.*?\\*/", "").replace(";", "").strip();
        if (!meaningful.isEmpty()) {
            out.add(new Statement(statement, start));
        }
    }
}
