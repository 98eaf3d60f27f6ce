package dev.runbook.smoke.kind.sql;

import dev.runbook.smoke.servers.PostgresServer;
import dev.runbook.smoke.servers.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One query per check against a real PostgreSQL on loopback. */
class PostgresQueryTest {

    static PostgresServer postgres;
    static PostgresUrl url;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        url = PostgresUrl.parse("postgresql://127.0.0.1:" + postgres.port + "/" + PostgresServer.DATABASE + "?sslmode=disable");
        try (Connection c = postgres.connect(PostgresServer.DATABASE); Statement s = c.createStatement()) {
            s.execute("create table jobs (id int, state text)");
            s.execute("insert into jobs values (1, 'done'), (2, 'queued'), (3, 'queued')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static PostgresQuery.Result query(String sql, boolean write, Duration timeout) throws SQLException {
        return PostgresQuery.run(url, PostgresServer.USER, PostgresServer.PASSWORD, sql, write, timeout, null);
    }

    @Test
    void firstRowAsJsonWithTypesAndTheRowCount() throws Exception {
        PostgresQuery.Result r = query("select pg_is_in_recovery() as replica, count(*) as n, 'x' as s, null as nothing"
                + " from pg_stat_activity;", false, Duration.ofSeconds(10));
        assertEquals(false, r.firstRow().get("replica").booleanValue());
        assertTrue(r.firstRow().get("n").isNumber());
        assertEquals("x", r.firstRow().get("s").textValue());
        assertTrue(r.firstRow().get("nothing").isNull());
        assertEquals(1, r.rows());

        PostgresQuery.Result queued = query("select id from jobs where state = 'queued' order by id", false, Duration.ofSeconds(10));
        assertEquals(2, queued.rows());
        assertEquals("{\"id\":2,\"rows\":2}", queued.firstRow().toString());
    }

    @Test
    void writesAreRefusedByTheServerUnlessAllowed() throws Exception {
        SQLException e = assertThrows(SQLException.class,
                () -> query("insert into jobs values (9, 'evil')", false, Duration.ofSeconds(10)));
        assertEquals("25006", e.getSQLState(), e.getMessage()); // read_only_sql_transaction
        assertThrows(SQLException.class, () -> query("select nextval('x')", false, Duration.ofSeconds(10)));
        assertEquals(0, count("select count(*) from jobs where id = 9"));

        PostgresQuery.Result written = query("insert into jobs values (10, 'smoke')", true, Duration.ofSeconds(10));
        assertEquals(1, written.rows());
        assertEquals(1, count("select count(*) from jobs where id = 10"));
    }

    @Test
    void aSecondStatementIsRefusedBeforeConnecting() throws Exception {
        PostgresUrl closed = PostgresUrl.parse("postgresql://127.0.0.1:" + ServerProcess.freePort() + "/app");
        // against a closed port: the refusal comes before any connection attempt
        PostgresQuery.NotOneStatementException e = assertThrows(PostgresQuery.NotOneStatementException.class,
                () -> PostgresQuery.run(closed, "u", "p", "commit; delete from jobs", false, Duration.ofSeconds(5), null));
        assertTrue(e.getMessage().contains("one statement per step"));
        assertEquals(3, count("select count(*) from jobs where id <= 3"));
    }

    @Test
    void theStatementTimeoutIsTheChecksTimeout() {
        long start = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> query("select pg_sleep(30)", false, Duration.ofMillis(500)));
        assertEquals("57014", e.getSQLState(), e.getMessage()); // query_canceled
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }

    @Test
    void aClosedPortIsRefusedAndWrongPasswordIsTheServersMessage() throws Exception {
        PostgresUrl closed = PostgresUrl.parse("postgresql://127.0.0.1:" + ServerProcess.freePort() + "/app");
        SQLException refused = assertThrows(SQLException.class,
                () -> PostgresQuery.run(closed, "u", "p", "select 1", false, Duration.ofSeconds(5), null));
        assertEquals("08001", refused.getSQLState(), refused.getMessage());
        SQLException denied = assertThrows(SQLException.class,
                () -> PostgresQuery.run(url, PostgresServer.USER, "wrong", "select 1", false, Duration.ofSeconds(5), null));
        assertEquals("28P01", denied.getSQLState(), denied.getMessage()); // invalid_password
    }

    @Test
    void urlsNameOneHostAndOnlySslmode() {
        assertEquals(new PostgresUrl("db.example.com", 5432, "app", "verify-full"),
                PostgresUrl.parse("postgresql://db.example.com/app?sslmode=verify-full"));
        assertEquals(new PostgresUrl("::1", 6543, "app", null), PostgresUrl.parse("postgresql://[::1]:6543/app"));
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://a,b:5432/app"));
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://u:p@db/app"));
        IllegalArgumentException factory = assertThrows(IllegalArgumentException.class,
                () -> PostgresUrl.parse("postgresql://db/app?socketFactory=x.Evil"));
        assertTrue(factory.getMessage().contains("socketFactory is not accepted"));
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://db/app?sslmode=sometimes"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = postgres.connect(PostgresServer.DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
