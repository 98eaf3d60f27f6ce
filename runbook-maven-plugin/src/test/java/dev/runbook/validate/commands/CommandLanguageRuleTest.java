package dev.runbook.validate.commands;

import dev.runbook.findings.Finding;
import dev.runbook.validate.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runbook.validate.ContentRuleHarness.positions;
import static dev.runbook.validate.ContentRuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLanguageRuleTest {

    private final CommandLanguageRule rule = new CommandLanguageRule(RuleSettings.defaults());

    private List<Finding> check(String body) {
        return run(rule, "```bash\n" + body + "```\n");
    }

    @Test
    void sqlInAShellFence() {
        List<Finding> findings = check("SELECT id, state FROM orders WHERE state = 'stuck';\n");
        assertEquals(List.of("2:1"), positions(findings));
        assertTrue(findings.get(0).message().contains("contains SQL, not shell"), findings.get(0).message());
        assertTrue(findings.get(0).hint().contains("```sql"));
        assertEquals(List.of("3:3"), positions(check("# fix the stuck rows\n  UPDATE orders SET state = 'new' WHERE id = 4;\n")));
        assertEquals(List.of("2:1"), positions(check("CREATE TABLE audit (id int);\n")));
    }

    @Test
    void mongoAndPromqlAndProseSteps() {
        assertTrue(check("db.orders.find({state: \"stuck\"}).limit(5)\n").get(0).message().contains("MongoDB"));
        assertTrue(check("rs.status()\n").get(0).message().contains("MongoDB"));
        assertTrue(check("sum by (pod) (rate(http_requests_total{code=~\"5..\"}[5m]))\n").get(0).message().contains("PromQL"));
        List<Finding> prose = check("1. Go to the AWS console\n2. Open the RDS page\n");
        assertEquals(List.of("2:1"), positions(prose));
        assertTrue(prose.get(0).message().contains("numbered prose steps"));
    }

    @Test
    void jsonYamlAndCommandOutputInAShellFence() {
        assertTrue(check("[\n  {\"status\": \"False\"}\n]\n").get(0).message().contains("JSON data"));
        assertTrue(check("apiVersion: v1\nkind: Pod\n").get(0).message().contains("command output or YAML"));
        assertTrue(check("I0611 11:13:35.048771       1 log.go:245] Apply ok\n").get(0).message().contains("command output"));
        assertTrue(check("Warning  FailedScheduling  3m53s  default-scheduler  0/6 nodes are available\n").get(0).message()
                .contains("command output"));
    }

    @Test
    void shellThatMentionsOtherLanguagesIsShell() {
        String body = """
                psql -c "SELECT id FROM orders WHERE state = 'stuck'"
                mysql -e 'UPDATE t SET a = 1' \\
                  --host db
                psql <<SQL
                SELECT count(*) FROM orders;
                DELETE FROM sessions WHERE expired;
                SQL
                # SELECT * FROM orders -- only a comment
                echo "
                SELECT * FROM x
                "
                select opt in start stop; do echo "$opt"; break; done
                sum() { awk '{s+=$1} END {print s}'; }
                mongosh --eval 'db.orders.find()'
                cat <<EOF | kubectl apply -f -
                apiVersion: v1
                kind: ConfigMap
                EOF
                jq '.items[] | {name: .metadata.name}' pods.json
                """;
        assertEquals(List.of(), positions(check(body)));
    }

    @Test
    void consoleOutputIsNotCommands() {
        String md = """
                ```console
                $ psql -At -c 'select 1'
                SELECT 1
                ```
                """;
        assertEquals(List.of(), positions(run(rule, md)));
    }
}
