package dev.runbook.smoke.kind.sql;

import dev.runbook.smoke.probe.ProbeKind;
import dev.runbook.smoke.probe.ProbeLines;
import dev.runbook.smoke.probe.ProbeOptions;
import dev.runbook.smoke.probe.Subject;
import dev.runbook.smoke.probe.SyntaxException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** {@code sql postgresql://…} then {@code query "…"}: one PostgreSQL statement through the JDBC driver. */
public final class SqlKind implements ProbeKind<SqlProbeSpec> {

    private static final String EXAMPLE = "sql postgresql://{{db_host}}:5432/app user={{PGUSER}} password={{PGPASSWORD}}";

    @Override
    public String keyword() {
        return "sql";
    }

    @Override
    public String synopsis() {
        return "sql postgresql://host:port/db";
    }

    @Override
    public Set<Subject> subjects() {
        return EnumSet.of(Subject.VALUE, Subject.TIME, Subject.CONNECTED);
    }

    @Override
    public boolean claims(String firstLine) {
        return firstLine.split("\\s+", 2)[0].equals("sql");
    }

    @Override
    public SqlProbeSpec parse(ProbeLines lines) throws SyntaxException {
        ProbeLines.Line first = lines.next();
        String text = first.trimmed();
        String[] words = text.split("\\s+");
        if (words.length < 2 || !(words[1].startsWith("postgresql://") || words[1].startsWith("postgres://") || words[1].startsWith("{{"))) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`sql` takes a postgresql:// URL",
                    "write e.g. " + EXAMPLE + ", then query \"select 1\"");
        }
        if (!words[1].contains("{{")) {
            try {
                PostgresUrl.parse(words[1]);
            } catch (IllegalArgumentException e) {
                throw new SyntaxException(first.fileLine(), first.column(text.indexOf(words[1])), e.getMessage(), "write e.g. " + EXAMPLE);
            }
        }
        Map<String, String> options = ProbeOptions.parse(first, words, 2, Set.of("user", "password"), EXAMPLE);
        while (!lines.atEnd() && lines.current().isSkippable()) {
            lines.next();
        }
        if (lines.atEnd() || !lines.current().trimmed().startsWith("query ")) {
            throw new SyntaxException(first.fileLine(), first.column(0), "`sql` needs a query line after it",
                    "write e.g. query \"select pg_is_in_recovery() as replica\"");
        }
        ProbeLines.Line q = lines.next();
        String quoted = q.trimmed().substring("query ".length()).strip();
        String sql;
        try {
            sql = unquote(quoted);
            if (!sql.contains("{{")) {
                PostgresQuery.oneStatement(sql);
            }
        } catch (IllegalArgumentException e) {
            throw new SyntaxException(q.fileLine(), q.column(6), e.getMessage(), "write query \"select …\" with one statement");
        }
        return new SqlProbeSpec(first.fileLine(), words[1], options.get("user"), options.get("password"), sql, false);
    }

    /** {@code "…"} with {@code \"} and {@code \\}. */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new IllegalArgumentException("the query is one quoted string");
        }
        StringBuilder b = new StringBuilder();
        String s = quoted.substring(1, quoted.length() - 1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else if (c == '"') {
                throw new IllegalArgumentException("a \" inside the query must be written \\\"");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
