package dev.runbook.validate.syntax;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSyntaxRuleTest {

    private final SqlSyntaxRule rule = new SqlSyntaxRule(RuleSettings.defaults());

    @Test
    void aBrokenStatementIsAWarningAtItsLine() {
        String md = """
                ```sql
                SELECT 1;
                SELEC * FROM orders;
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("3:1"), positions(findings));
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("\"SELEC\""), findings.get(0).message());
    }

    @Test
    void errorInsideAMultiLineStatementPointsAtTheToken() {
        String md = """
                ```sql
                SELECT id,
                       state
                FROM orders WHERE state = 'x' ORDER BY BY id;
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(1, findings.size());
        assertEquals(4, findings.get(0).line());
    }

    @Test
    void postgresFeaturesMetaCommandsAndPromptsPass() {
        String md = """
                ```psql
                \\x
                \\c payments
                \\timing on
                SELECT pid, now() - query_start AS running_for, query
                  FROM pg_stat_activity
                 WHERE state <> 'idle' -- long ones; not this semicolon
                 ORDER BY running_for DESC;
                SELECT '{"a":1}'::jsonb ->> 'a';
                SELECT count(*) FROM orders WHERE created_at > now() - interval '1 hour' \\gx
                payments=# SELECT pg_terminate_backend(1234);
                CREATE INDEX CONCURRENTLY idx_orders_state ON orders (state);
                BEGIN;
                UPDATE orders SET state = 'new' WHERE id = 4;
                COMMIT;
                VACUUM (VERBOSE, ANALYZE) orders;
                DO $$ BEGIN RAISE NOTICE 'x;y'; END $$;
                \\dt
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }

    @Test
    void otherFencesAreNotChecked() {
        assertEquals(List.of(), positions(run(rule, "```text\nSELEC nonsense\n```\n")));
    }

    /** Queries an on-call DBA really runs (PostgreSQL and MySQL); each one once caused or could cause a false alarm. */
    @Test
    void commonDbaQueriesParse() throws Exception {
        String md;
        try (var in = getClass().getResourceAsStream("dba-queries.md")) {
            md = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(md.contains("pg_stat_replication") && md.contains("SHOW SLAVE STATUS\\G"));
        assertEquals(List.of(), run(rule, md));
    }

    /** Issue #20: a quote that never closes is named and pointed at, not JSqlParser's lexer text. */
    @Test
    void anUnterminatedStringIsReportedAtItsQuote() {
        String md = """
                ```sql
                SELECT id FROM orders WHERE state = 'open;
                ```

                ```sql
                SELECT "order id FROM orders;
                ```
                """;
        List<Finding> findings = run(rule, md);
        assertEquals(List.of("2:37", "6:8"), positions(findings));
        assertEquals("SQL statement does not parse: unterminated string: this ' is never closed", findings.get(0).message());
        assertEquals("SQL statement does not parse: unterminated quoted name: this \" is never closed", findings.get(1).message());
    }
}
