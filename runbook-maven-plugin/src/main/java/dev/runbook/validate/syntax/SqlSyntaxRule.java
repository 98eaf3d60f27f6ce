package dev.runbook.validate.syntax;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.placeholders.PlaceholderLines;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sql.syntax} (warning): a statement in a {@code sql}/{@code psql}/{@code postgresql}/{@code mysql}
 * fence that JSqlParser cannot parse (PostgreSQL and MySQL syntax included). psql meta-commands and prompts
 * are skipped. A warning, not an error: SQL dialects are many and a parser can be stricter than the
 * database. Statement kinds JSqlParser does not model (VACUUM, COPY, REINDEX, BEGIN, GRANT/REVOKE,
 * CREATE INDEX CONCURRENTLY …) are not checked.
 */
public final class SqlSyntaxRule implements Rule {

    public static final String ID = "sql.syntax";

    private static final Set<String> LANGUAGES = Set.of("sql", "psql", "postgresql", "postgres", "pgsql", "plpgsql",
            "mysql", "mariadb");
    private static final Set<String> UNMODELLED = Set.of("VACUUM", "COPY", "REINDEX", "CLUSTER", "LISTEN", "NOTIFY",
            "UNLISTEN", "CHECKPOINT", "DISCARD", "PREPARE", "EXECUTE", "DEALLOCATE", "DO", "LOAD", "REASSIGN",
            "SECURITY", "FETCH", "MOVE", "CLOSE", "DECLARE", "FLUSH", "KILL", "OPTIMIZE", "REPAIR", "CHECK",
            "HANDLER", "INSTALL", "UNINSTALL", "PURGE", "RESET", "CHANGE", "STOP", "START", "BEGIN", "GRANT", "REVOKE");
    /** Forms JSqlParser 5.3 rejects although PostgreSQL accepts them. */
    private static final Pattern UNMODELLED_FORMS = Pattern.compile(
            "(?i)^\\s*(?:(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX)\\s+CONCURRENTLY|ANALY[SZ]E\\s+(?:VERBOSE|\\())\\b");
    /** Blank runs taken whole ({@code \\s++}): one repetition per blank overflowed the stack on a long run. */
    private static final Pattern FIRST_WORD = Pattern.compile("^(?:\\s++|--[^\\n]*+\\n|/\\*(?s:.*?)\\*/)*+([A-Za-z]+)");

    private static final long PARSE_TIMEOUT_MS = 5000;

    private final PlaceholderLines placeholders;

    public SqlSyntaxRule(RuleSettings settings) {
        this.placeholders = new PlaceholderLines(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "a sql fence whose statement does not parse (psql \\ meta-commands allowed)");

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
        for (CodeBlock block : runbook.codeBlocks()) {
            if (!block.fenced() || !LANGUAGES.contains(block.language()) || block.body().isBlank()) {
                continue;
            }
            List<String> lines = block.lines();
            String body = String.join("\n", lines) + "\n";
            for (SqlStatements.Statement statement : SqlStatements.split(lines)) {
                Matcher first = FIRST_WORD.matcher(statement.text());
                if (first.find() && UNMODELLED.contains(first.group(1).toUpperCase(Locale.ROOT))
                        || UNMODELLED_FORMS.matcher(statement.text().strip()).find()) {
                    continue;
                }
                String problem = null;
                int line = 1;
                int column = 1;
                try {
                    // The util runs the parser on its own thread with a time limit: JSqlParser's complex
                    // parsing can take exponential time on a pathological statement.
                    CCJSqlParserUtil.parseStatements(statement.text(),
                            parser -> parser.withAllowComplexParsing(true).withTimeOut(PARSE_TIMEOUT_MS));
                } catch (JSQLParserException e) {
                    ParseException parse = parseExceptionIn(e);
                    Token at = parse == null ? null
                            : parse.currentToken != null && parse.currentToken.next != null ? parse.currentToken.next : parse.currentToken;
                    if (at != null) {
                        line = Math.max(1, at.beginLine);
                        column = Math.max(1, at.beginColumn);
                        problem = at.image == null || at.image.isEmpty() ? "unexpected end of statement"
                                : "unexpected \"" + at.image + "\"";
                    } else if (hasCause(e, java.util.concurrent.TimeoutException.class)) {
                        continue;
                    } else if (unclosedQuote(statement.text()) >= 0) {
                        // The lexer ran to the end of the statement inside a quote; the quote is what to fix.
                        int open = unclosedQuote(statement.text());
                        String before = statement.text().substring(0, open);
                        line = 1 + (int) before.chars().filter(c -> c == '\n').count();
                        column = open - before.lastIndexOf('\n');
                        problem = "unterminated " + (statement.text().charAt(open) == '\'' ? "string" : "quoted name")
                                + ": this " + statement.text().charAt(open) + " is never closed";
                    } else {
                        problem = firstLine(e.getMessage());
                    }
                } catch (RuntimeException e) {
                    problem = firstLine(String.valueOf(e.getMessage()));
                }
                if (problem == null) {
                    continue;
                }
                int offset = offsetOf(statement.text(), line, column) + statement.offset();
                int row = (int) body.substring(0, Math.min(offset, body.length())).chars().filter(c -> c == '\n').count();
                row = Math.min(row, lines.size() - 1);
                int lineStart = body.lastIndexOf('\n', Math.max(0, Math.min(offset, body.length()) - 1)) + 1;
                if (placeholders.hasPlaceholder(lines.get(row))) {
                    continue;
                }
                sink.report(this, runbook, CodeColumns.at(runbook, block, row, offset - lineStart),
                        "SQL statement does not parse: " + problem,
                        "check this statement in your database client; if the dialect is unusual, suppress with"
                                + " <!-- runbook-ignore sql.syntax: reason -->");
            }
        }
    }

    /** Offset of a {@code '} or {@code "} that is still open at the end of the statement, or -1. */
    static int unclosedQuote(String sql) {
        int open = -1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (open >= 0) {
                if (c == sql.charAt(open)) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == c) {
                        i++; // '' or "" inside a quote is the quote char itself
                    } else {
                        open = -1;
                    }
                }
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline;
            } else if (c == '\'' || c == '"') {
                open = i;
            }
        }
        return open;
    }

    private static ParseException parseExceptionIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException parse) {
                return parse;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return text.length();
            }
        }
        return Math.min(text.length(), offset + column - 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parse error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
