package dev.runbook.smoke.kind.sql;

import dev.runbook.smoke.SmokeFixture;
import dev.runbook.smoke.env.Environment;
import dev.runbook.smoke.results.CheckResult;
import dev.runbook.smoke.results.Outcome;
import dev.runbook.smoke.servers.PostgresServer;
import dev.runbook.smoke.servers.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `sql` smoke blocks end to end against a real PostgreSQL. */
class SqlChecksTest {

    static PostgresServer postgres;

    @TempDir
    Path dir;

    private final SmokeFixture fixture = new SmokeFixture();

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        try (Connection c = postgres.connect(PostgresServer.DATABASE); Statement s = c.createStatement()) {
            s.execute("create table audit (id int)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private Environment env(int port, String allowed) throws Exception {
        return SmokeFixture.environment(dir, "test:\n  variables: { db: \"127.0.0.1:" + port + "\" }\n  secrets: [PGUSER, PGPASSWORD]\n"
                + "  allowed_hosts: " + allowed + "\n", Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", PostgresServer.PASSWORD));
    }

    private static final String PROBE = "sql postgresql://{{db}}/app?sslmode=disable user={{PGUSER}} password={{PGPASSWORD}}\n";

    @Test
    void replicaStateAndConnectionCount() throws Exception {
        CheckResult r = fixture.runOne(env(postgres.port, "[\"127.0.0.1\"]"), "", PROBE
                + "query \"select pg_is_in_recovery() as replica, count(*) as n from pg_stat_activity\"\n"
                + "expect value $.replica == false\nexpect value $.n < 200\nexpect value $.rows == 1\nexpect time < 10s");
        assertEquals(Outcome.PASS, r.outcome(), r.message());
    }

    @Test
    void aFailureShowsTheResolvedValue() throws Exception {
        CheckResult r = fixture.runOne(env(postgres.port, "[\"127.0.0.1\"]"), "", PROBE
                + "query \"select 'replica' as role\"\nexpect value $.role == \"primary\"");
        assertEquals(Outcome.FAIL, r.outcome());
        assertEquals("value $.role (\"replica\") == \"primary\"", r.message());
    }

    @Test
    void writesAreRefusedUnlessTheFenceSaysWrite() throws Exception {
        Environment e = env(postgres.port, "[\"127.0.0.1\"]");
        CheckResult refused = fixture.runOne(e, "", PROBE + "query \"insert into audit values (1)\"\nexpect value $.rows == 1");
        assertEquals(Outcome.FAIL, refused.outcome());
        assertTrue(refused.message().startsWith("PostgreSQL: ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)"),
                refused.message());
        assertEquals(0, auditRows());
        CheckResult allowed = fixture.runOne(e, "{write=true}", PROBE + "query \"insert into audit values (1)\"\nexpect value $.rows == 1");
        assertEquals(Outcome.PASS, allowed.outcome(), allowed.message());
        assertEquals(1, auditRows());
        assertFalse(SmokeFixture.parseOne("", PROBE + "query \"commit; delete from audit\"").errors().isEmpty(),
                "two statements are a syntax error");
    }

    @Test
    void timeoutAndRefused() throws Exception {
        CheckResult slow = fixture.runOne(env(postgres.port, "[\"127.0.0.1\"]"), "{timeout=500ms}", PROBE
                + "query \"select pg_sleep(20)\"\nexpect value $.rows == 1");
        assertEquals(Outcome.FAIL, slow.outcome());
        assertTrue(slow.message().startsWith("no result within 500ms (statement timeout"), slow.message());
        CheckResult refused = fixture.runOne(env(ServerProcess.freePort(), "[\"127.0.0.1\"]"), "", PROBE
                + "query \"select 1\"\nexpect value $.rows == 1");
        assertEquals(Outcome.FAIL, refused.outcome());
        assertTrue(refused.message().startsWith("connection refused"), refused.message());
    }

    @Test
    void aHostOutsideTheAllowlistGetsNoByte() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult r = fixture.runOne(env(listener.getLocalPort(), "[\"db.example.com\"]"), "", PROBE
                    + "query \"select 1\"\nexpect value $.rows == 1");
            assertEquals(Outcome.ERROR, r.outcome());
            assertTrue(r.message().contains("is not in the allowed_hosts of environment test (nothing was sent)"), r.message());
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection reached the listener");
        }
    }

    private static long auditRows() throws Exception {
        try (Connection c = postgres.connect(PostgresServer.DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from audit")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
