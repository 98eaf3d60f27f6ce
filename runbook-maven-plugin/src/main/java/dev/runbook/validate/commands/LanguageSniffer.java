package dev.runbook.validate.commands;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots a shell fence that holds another language (SQL, MongoDB/JavaScript, PromQL, JSON, command output
 * or YAML, numbered prose steps). Only lines where a new command starts are looked at:
 * heredoc bodies, comments, continuation lines ({@code \}, {@code |}, {@code &&}) and lines inside an open
 * quote are skipped, so {@code psql -c "SELECT 1"}, {@code psql <<SQL … SQL} and {@code # SELECT …} are
 * still shell. The patterns want the shape of a statement ({@code SELECT … FROM}, {@code UPDATE t SET}),
 * not a keyword alone, so bash's own {@code select x in …} is not SQL.
 */
final class LanguageSniffer {

    /** What was found, on which script line, at which char offset of that line. */
    record Mismatch(String language, String sample, int scriptLine, int column, String hint) {
    }

    private static final Pattern SQL = Pattern.compile("(?i)^(?:SELECT\\s+(?:\\*|DISTINCT\\b|COUNT\\s*\\(|[\\w.\"()]+\\s*(?:,|\\bFROM\\b|\\bAS\\b|;|$))"
            + "|UPDATE\\s+[\\w.\"]+\\s+SET\\b|INSERT\\s+INTO\\b|DELETE\\s+FROM\\b"
            + "|CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX|DATABASE|SCHEMA|VIEW|USER|ROLE|EXTENSION)\\b"
            + "|ALTER\\s+(?:TABLE|USER|ROLE|DATABASE|SYSTEM|INDEX)\\b|DROP\\s+(?:TABLE|INDEX|DATABASE|VIEW|USER|ROLE|SCHEMA)\\b"
            + "|GRANT\\s+[\\w, ]+\\s+ON\\b|REVOKE\\s+[\\w, ]+\\s+ON\\b|TRUNCATE\\s+(?:TABLE\\s+)?[\\w.\"]+\\s*;"
            + "|VACUUM(?:\\s+\\w+)*\\s*;|EXPLAIN\\s+(?:ANALY[SZ]E\\s+)?(?:SELECT|UPDATE|DELETE|INSERT|WITH)\\b"
            + "|SHOW\\s+(?:TABLES|DATABASES|PROCESSLIST|FULL\\s+PROCESSLIST|VARIABLES|STATUS|SLAVE\\s+STATUS|REPLICA\\s+STATUS|[\\w_]+\\s*;)"
            + "|WITH\\s+\\w+\\s+AS\\s*\\()");
    private static final Pattern MONGO = Pattern.compile(
            "^(?:db\\.[\\w$][\\w$.]*+\\s*\\(|rs\\.\\w+\\s*\\(|sh\\.\\w+\\s*\\(|printjson\\s*\\(|(?:var|const)\\s+\\w+\\s*=\\s)");
    private static final Pattern PROMQL = Pattern.compile("^[(\\s]*+(?:sum|avg|min|max|count|rate|irate|increase|topk|bottomk"
            + "|histogram_quantile|label_replace|label_join|absent|absent_over_time|delta|idelta|deriv|predict_linear"
            + "|quantile|stddev|stdvar|scalar|count_values|group|(?:avg|min|max|sum|count|last|quantile)_over_time)"
            + "(?:\\s+(?:by|without)\\s*\\([^)]*\\))?\\s*\\((?!\\s*\\))"
            + "|^[a-zA-Z_:][\\w:]*(?:\\{[^}]*\\})?\\s+[*/]\\s+(?:on|ignoring)\\s*\\(|^[a-zA-Z_:][\\w:]*\\{[^}]*=~?\\\"[^}]*\\}(?:\\[\\w+\\])?(?:\\s*$|\\s+(?:>|<|==|!=|\\*|/|\\+|and|or|unless|on|offset)\\s)");
    private static final Pattern JSON_DATA = Pattern.compile("^(?:[\\[{]\\s*$|\"[^\"]+\"\\s*:\\s)");
    private static final Pattern OUTPUT = Pattern.compile(
            "^(?:[IWEF]\\d{4}\\s+\\d\\d:\\d\\d:\\d\\d|(?:Warning|Normal)\\s{2,}\\S|[A-Za-z][\\w-]*:(?:\\s|$))");
    private static final Pattern PROSE_STEP = Pattern.compile("^\\d{1,2}\\.\\s+[A-Za-z][A-Za-z'’]*\\s+\\S");
    private static final Pattern HEREDOC = Pattern.compile("(?<![<])<<(-?)\\s*(['\"]?)([A-Za-z_][\\w.-]*)\\2");

    private LanguageSniffer() {
    }

    static Optional<Mismatch> sniff(ShellScript script) {
        String heredocEnd = null;
        boolean heredocTabs = false;
        boolean continued = false;
        char openQuote = 0;
        for (int i = 0; i < script.lines().size(); i++) {
            String text = script.lines().get(i).text();
            if (heredocEnd != null) {
                String candidate = heredocTabs ? text.replaceFirst("^\\s+", "") : text.strip();
                if (candidate.equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            boolean commandStart = !continued && openQuote == 0;
            String stripped = text.stripLeading();
            int indent = text.length() - stripped.length();
            if (commandStart && !stripped.startsWith("#")) {
                Optional<Mismatch> found = match(stripped, i, indent);
                if (found.isPresent()) {
                    return found;
                }
            }
            openQuote = quoteStateAfter(text, openQuote);
            Matcher heredoc = HEREDOC.matcher(text);
            if (openQuote == 0 && heredoc.find()) {
                heredocEnd = heredoc.group(3);
                heredocTabs = !heredoc.group(1).isEmpty();
            }
            continued = ShellScript.endsWithContinuation(text);
        }
        return Optional.empty();
    }

    private static Optional<Mismatch> match(String stripped, int line, int indent) {
        if (SQL.matcher(stripped).find()) {
            return Optional.of(new Mismatch("SQL", stripped, line, indent,
                    "use a ```sql fence, or run it through the client: psql -c \"…\" / mysql -e \"…\""));
        }
        if (MONGO.matcher(stripped).find()) {
            return Optional.of(new Mismatch("MongoDB/JavaScript", stripped, line, indent,
                    "use a ```javascript fence, or run it through the shell: mongosh --eval '…'"));
        }
        if (PROMQL.matcher(stripped).find()) {
            return Optional.of(new Mismatch("PromQL", stripped, line, indent,
                    "use a ```promql fence, or query it through the API: curl -G …/api/v1/query --data-urlencode 'query=…'"));
        }
        if (JSON_DATA.matcher(stripped).find()) {
            return Optional.of(new Mismatch("JSON data", stripped, line, indent,
                    "use a ```json fence for data and example output; keep only commands in shell fences"));
        }
        if (OUTPUT.matcher(stripped).find()) {
            return Optional.of(new Mismatch("command output or YAML", stripped, line, indent,
                    "put output in a ```text fence, or use a ```console fence with \"$ \" before each command"));
        }
        if (PROSE_STEP.matcher(stripped).find()) {
            return Optional.of(new Mismatch("numbered prose steps", stripped, line, indent,
                    "write the steps as a Markdown list outside the fence and keep only commands inside it"));
        }
        return Optional.empty();
    }

    /** Tracks single and double quotes across lines, roughly as bash does (escapes count outside single quotes). */
    static char quoteStateAfter(String text, char open) {
        char quote = open;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                    return 0;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                }
            } else if (quote == '"') {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quote = 0;
                }
            } else if (c == '\'') {
                quote = 0;
            }
        }
        return quote;
    }
}
