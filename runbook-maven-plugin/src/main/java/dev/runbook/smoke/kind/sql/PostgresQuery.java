package dev.runbook.smoke.kind.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.Driver;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Properties;

/**
 * Runs one SQL statement against PostgreSQL through the pgjdbc driver and returns the first row as JSON
 * plus the row count. Unless writes are allowed, the session is read-only twice over: the transaction is
 * {@code BEGIN READ ONLY} and {@code default_transaction_read_only} is on, and the statement is rolled
 * back; a statement timeout (the check's timeout) runs on the server, and socket and connect timeouts on
 * the client. A query may hold only one statement: "{@code commit; delete …}" would otherwise step out of
 * the read-only transaction.
 */
public final class PostgresQuery {

    /** Rows counted for {@code $.rows}; a health query returns few, and counting stops here. */
    public static final int MAX_ROWS = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Driver DRIVER = new Driver();

    /** @param firstRow the first row's columns by label, plus {@code rows}; {@code {"rows":0}} when there is none */
    public record Result(ObjectNode firstRow, int rows, Duration time) {
    }

    /** The query is not one statement; nothing was sent. */
    public static final class NotOneStatementException extends IllegalArgumentException {
        NotOneStatementException(String message) {
            super(message);
        }
    }

    private PostgresQuery() {
    }

    /**
     * @param trustPem PEM certificates for {@code verify-ca}/{@code verify-full}, or null for the driver's default
     */
    public static Result run(PostgresUrl url, String user, String password, String query, boolean write,
                             Duration timeout, Path trustPem) throws SQLException {
        String sql = oneStatement(query);
        long start = System.nanoTime();
        long timeoutMs = Math.max(1, timeout.toMillis());
        int timeoutSeconds = (int) Math.max(1, (timeoutMs + 999) / 1000);
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("socketTimeout", String.valueOf(timeoutSeconds + 1));
        p.setProperty("ApplicationName", "runbook-smoke");
        p.setProperty("sslmode", url.sslMode() == null ? "prefer" : url.sslMode());
        if (trustPem != null) {
            p.setProperty("sslrootcert", trustPem.toString());
        }
        p.setProperty("options", "-c statement_timeout=" + timeoutMs
                + (write ? "" : " -c default_transaction_read_only=on"));
        String jdbc = "jdbc:postgresql://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":" + url.port()
                + "/" + url.database();
        try (Connection c = DRIVER.connect(jdbc, p)) {
            if (!write) {
                c.setReadOnly(true);
                c.setAutoCommit(false);
            }
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(timeoutSeconds);
                s.setMaxRows(MAX_ROWS);
                ObjectNode row = JSON.createObjectNode();
                int rows = 0;
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            if (rows == 0) {
                                row = firstRow(rs);
                            }
                            rows++;
                        }
                    }
                } else {
                    rows = Math.max(0, s.getUpdateCount());
                }
                row.put("rows", rows);
                if (!write) {
                    c.rollback();
                }
                return new Result(row, rows, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /**
     * The statement without a trailing {@code ;}. Any other {@code ;} is refused, even inside a string
     * literal: a lexer that misread PostgreSQL's quoting ({@code $tag$}, {@code E'\''}) would let a second
     * statement through, and health queries rarely need a semicolon in a literal.
     */
    static String oneStatement(String query) {
        String sql = query.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new NotOneStatementException("the query is empty");
        }
        if (sql.indexOf(';') >= 0) {
            throw new NotOneStatementException("one statement per step: ';' may only end the query (nothing was sent)");
        }
        return sql;
    }

    private static ObjectNode firstRow(ResultSet rs) throws SQLException {
        ObjectNode row = JSON.createObjectNode();
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            Object value = rs.getObject(i);
            if (value == null) {
                row.putNull(name);
                continue;
            }
            switch (meta.getColumnType(i)) {
                case Types.BOOLEAN, Types.BIT -> row.put(name, rs.getBoolean(i));
                case Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.TINYINT -> row.put(name, rs.getLong(i));
                case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                    String text = rs.getString(i);
                    try {
                        row.put(name, new BigDecimal(text));
                    } catch (NumberFormatException notFinite) { // NaN, Infinity
                        row.put(name, text);
                    }
                }
                default -> row.put(name, rs.getString(i));
            }
        }
        return row;
    }
}
