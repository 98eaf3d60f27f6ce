package dev.runbook.smoke.kind.sql;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.Subject;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * {@code sql postgresql://host:port/db user=… password=…} then {@code query "…"}: one statement, read-only
 * unless the fence says {@code write=true}; {@code value $.col} reads the first row, {@code value $.rows}
 * the row count.
 *
 * @param user     may be null (the driver's default)
 * @param query    null until the {@code query} line is read
 */
public record SqlProbeSpec(int line, String url, String user, String password, String query, boolean write) implements ProbeSpec {

    /** The fence's {@code write=true}: the session is not read-only and the statement commits. */
    @Override
    public ProbeSpec allowingWrites() {
        return new SqlProbeSpec(line, url, user, password, query, true);
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        PostgresUrl target;
        try {
            target = PostgresUrl.parse(context.resolve(url));
        } catch (IllegalArgumentException e) {
            throw new ProbeRefusedException(e.getMessage() + " (nothing was sent)");
        }
        String sql = context.resolve(query);
        try {
            PostgresQuery.oneStatement(sql);
        } catch (IllegalArgumentException e) {
            throw new ProbeRefusedException(e.getMessage());
        }
        String resolvedUser = user == null ? null : context.resolve(user);
        String resolvedPassword = password == null ? null : context.resolve(password);
        context.requireAllowed(target.host(), target.port());
        Path trust = context.environment().trustFiles().isEmpty() ? null : context.environment().trustFiles().get(0);
        long start = System.nanoTime();
        try {
            PostgresQuery.Result r = PostgresQuery.run(target, resolvedUser, resolvedPassword, sql, write, context.timeout(), trust);
            return Observation.answered(r.time(), Map.of(Subject.VALUE, r.firstRow().toString()));
        } catch (SQLException e) {
            return Observation.failed(!"08001".equals(e.getSQLState()), Duration.ofNanos(System.nanoTime() - start), describe(e, context.timeout()));
        }
    }

    /** The server's message and SQLSTATE, or the network reason when the server was never reached. */
    static String describe(SQLException e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "no response within " + dev.runbook.core.time.Durations.format(timeout) + " (timeout)";
            }
        }
        if ("57014".equals(e.getSQLState())) {
            return "no result within " + dev.runbook.core.time.Durations.format(timeout) + " (statement timeout; the server cancelled the query)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return "PostgreSQL: " + message + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
