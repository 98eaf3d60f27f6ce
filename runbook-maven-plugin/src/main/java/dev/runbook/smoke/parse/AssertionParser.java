package dev.runbook.smoke.parse;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.runbook.core.time.Durations;
import dev.runbook.smoke.assertion.Assertion;
import dev.runbook.smoke.assertion.ExpectedValue;
import dev.runbook.smoke.assertion.Operator;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses one {@code expect <subject> [argument] <op> [value]} line. */
public final class AssertionParser {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String VALUE_HINT = "a value is a quoted string (\"ok\"), a number (200), a duration (2s, 300ms) or true/false";

    private AssertionParser() {
    }

    /**
     * The assertion a block without any {@code expect} line is held to (see {@code ProbeSpec.impliedExpectation}).
     *
     * @param expectation e.g. {@code status < 400}
     */
    public static Assertion implied(String expectation, int line) {
        try {
            return parse("expect " + expectation, line, 1);
        } catch (SyntaxException e) {
            throw new IllegalStateException("implied expectation '" + expectation + "' does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * @param text        the line without leading indentation
     * @param firstColumn file column of {@code text}'s first character
     */
    static Assertion parse(String text, int line, int firstColumn) throws SyntaxException {
        Cursor cur = new Cursor(text, line, firstColumn);
        cur.word(); // "expect"
        int subjectCol = cur.column();
        String subjectWord = cur.word();
        if (subjectWord.isEmpty()) {
            throw cur.error(subjectCol, "`expect` needs a subject", "subjects: " + Subject.keywords());
        }
        Subject subject = Subject.byKeyword(subjectWord);
        if (subject == null) {
            throw cur.error(subjectCol, "unknown subject '" + subjectWord + "'", "subjects: " + Subject.keywords());
        }
        String argument = null;
        if (subject.takesArgument()) {
            int argCol = cur.column();
            argument = cur.word();
            if (argument.isEmpty() || Operator.bySymbol(argument) != null) {
                throw cur.error(argCol, "`" + subject.keyword() + "` needs " + (subject.takesJsonPath() ? "a JSONPath" : "a header name"),
                        subject.takesJsonPath() ? "e.g. expect " + subject.keyword() + " $.status == \"ok\"" : "e.g. expect header Content-Type contains \"json\"");
            }
            if (subject.takesJsonPath()) {
                try {
                    JsonPath.compile(argument);
                } catch (InvalidPathException | IllegalArgumentException e) {
                    throw cur.error(argCol, "invalid JSONPath '" + argument + "': " + e.getMessage(),
                            "write a JSONPath without spaces, e.g. $.checks.db or $.items[0].id");
                }
            }
        }
        int opCol = cur.column();
        String opWord = cur.word();
        boolean negated = opWord.equals("not");
        if (negated) {
            opCol = cur.column();
            opWord = cur.word();
        }
        Operator op = Operator.bySymbol(opWord);
        if (op == null) {
            throw cur.error(opCol, opWord.isEmpty() ? "`expect " + subjectWord + "` needs an operator"
                    : "unknown operator '" + opWord + "'", "operators: " + Operator.symbols() + ", each optionally after not");
        }
        int valueCol = cur.column();
        String rest = cur.rest();
        ExpectedValue value;
        if (op == Operator.EXISTS) {
            if (!rest.isEmpty()) {
                throw cur.error(valueCol, "`exists` takes no value", "write expect " + subjectWord + (argument == null ? "" : " " + argument) + " exists");
            }
            value = new ExpectedValue.None();
        } else {
            if (rest.isEmpty()) {
                throw cur.error(valueCol, "`" + op.symbol() + "` needs a value", VALUE_HINT);
            }
            value = value(rest, cur, valueCol);
        }
        checkTypes(subject, op, value, cur, valueCol);
        return new Assertion(subject, argument, negated, op, value, line);
    }

    private static ExpectedValue value(String rest, Cursor cur, int col) throws SyntaxException {
        if (rest.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '\\' && i + 1 < rest.length()) {
                    b.append(rest.charAt(++i));
                } else if (c == '"') {
                    if (i != rest.length() - 1) {
                        throw cur.error(col + i + 1, "text after the closing quote", "put the whole value inside the quotes");
                    }
                    return new ExpectedValue.Text(b.toString(), rest);
                } else {
                    b.append(c);
                }
            }
            throw cur.error(col, "unterminated string", "close the string with \"");
        }
        if (NUMBER.matcher(rest).matches()) {
            return new ExpectedValue.Number(new BigDecimal(rest), rest);
        }
        Duration d = Durations.duration(rest);
        if (d != null) {
            return new ExpectedValue.Time(d, rest);
        }
        if (rest.equals("true") || rest.equals("false")) {
            return new ExpectedValue.Bool(Boolean.parseBoolean(rest), rest);
        }
        throw cur.error(col, "'" + rest + "' is not a value", VALUE_HINT + "; quote text: \"" + rest.replace("\"", "\\\"") + "\"");
    }

    private static void checkTypes(Subject subject, Operator op, ExpectedValue value, Cursor cur, int col) throws SyntaxException {
        if (op == Operator.MATCHES) {
            if (!(value instanceof ExpectedValue.Text text)) {
                throw cur.error(col, "`matches` needs a quoted regular expression", "e.g. expect body matches \"v[0-9]+\"");
            }
            try {
                Pattern.compile(text.value());
            } catch (PatternSyntaxException e) {
                throw cur.error(col, "invalid regular expression: " + e.getDescription(), "fix the pattern (Java regex syntax)");
            }
        }
        if (op.ordering() && !(value instanceof ExpectedValue.Number || value instanceof ExpectedValue.Time)) {
            throw cur.error(col, "`" + op.symbol() + "` compares numbers or durations, not " + value.written(),
                    "use == or contains for text");
        }
        String hint = null;
        switch (subject) {
            case STATUS, CERT_DAYS_LEFT -> {
                if (value instanceof ExpectedValue.Text || value instanceof ExpectedValue.Time || value instanceof ExpectedValue.Bool) {
                    if (op != Operator.MATCHES && op != Operator.CONTAINS) {
                        hint = "a number, e.g. expect " + subject.keyword() + (subject == Subject.STATUS ? " == 200" : " > 14");
                    }
                }
            }
            case TIME -> {
                if (op != Operator.EXISTS && !(value instanceof ExpectedValue.Time)) {
                    hint = "a duration, e.g. expect time < 2s";
                }
            }
            case CONNECTED -> {
                if (op != Operator.EXISTS && !(value instanceof ExpectedValue.Bool)) {
                    hint = "true or false, e.g. expect connected == true";
                }
            }
            default -> {
            }
        }
        if (hint != null) {
            throw cur.error(col, "`" + subject.keyword() + "` is compared with " + hint.substring(0, hint.indexOf(',')),
                    "write " + hint.substring(hint.indexOf("e.g. ") + 5));
        }
    }

    /** Walks a line word by word, keeping file columns. */
    private static final class Cursor {
        private final String text;
        private final int line;
        private final int firstColumn;
        private int pos;

        Cursor(String text, int line, int firstColumn) {
            this.text = text;
            this.line = line;
            this.firstColumn = firstColumn;
        }

        int column() {
            skipSpaces();
            return firstColumn + pos;
        }

        String word() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        String rest() {
            skipSpaces();
            String r = text.substring(pos).strip();
            pos = text.length();
            return r;
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        SyntaxException error(int column, String message, String hint) {
            return new SyntaxException(line, column, message, hint);
        }
    }
}
