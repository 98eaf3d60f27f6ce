package dev.runbook.gate;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.model.RunbookSeverity;
import dev.runbook.model.SourceText;
import dev.runbook.status.RunbookStatus;
import dev.runbook.status.StatusSource;
import dev.runbook.status.Verification;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private final Runbook api = runbook("api/down.md", "team-api", "P1", "# API down\n");
    private final Runbook db = runbook("db/failover.md", "team-db", "P2", "# Failover\n");
    private final Runbook docs = runbook("docs/style.md", null, null, "# Style\n");

    /** Status by path: what a smoke-results file would say. */
    private static StatusSource statuses(Map<String, Verification> byPath, Set<String> overdue) {
        return runbook -> new RunbookStatus(byPath.getOrDefault(runbook.relativePath(), Verification.UNVERIFIED),
                byPath.get(runbook.relativePath()) == Verification.VERIFIED ? Instant.parse("2026-11-21T10:00:00Z") : null,
                overdue.contains(runbook.relativePath()), null,
                byPath.get(runbook.relativePath()) == Verification.FAILING ? List.of("API health: status (503) == 200") : List.of());
    }

    @Test
    void cleanRunbooksPass() {
        GateReport report = new GateEvaluator(GatePolicy.defaults()).evaluate(input(List.of(), Map.of(), Set.of(), null));
        assertTrue(report.passed());
        assertEquals(3, report.totals().runbooks());
        assertTrue(report.explanation().startsWith("Release gate passed"), report.explanation());
    }

    @Test
    void errorsOverTheLimitFailAndNameTheBlockingRunbooks() {
        List<Finding> findings = List.of(
                finding("placeholder.todo", Severity.ERROR, "db/failover.md", 12, "TODO left in the text"),
                finding("link.anchor", Severity.ERROR, "db/failover.md", 20, "no heading #promote"),
                finding("command.prompt", Severity.WARNING, "api/down.md", 5, "prompt in bash fence"));
        GateReport report = new GateEvaluator(GatePolicy.defaults()).evaluate(input(findings, Map.of(), Set.of(), null));
        assertFalse(report.passed());
        assertEquals(1, report.violations().size());
        PolicyViolation violation = report.violations().get(0);
        assertEquals("maxErrors", violation.rule());
        assertEquals(List.of("db/failover.md"), violation.blockingRunbooks());
        assertEquals("2 error findings where at most 0 are allowed (maxErrors=0).", violation.explanation());
        assertTrue(report.explanation().contains("Blocking: db/failover.md."), report.explanation());
        RunbookRow first = report.runbooks().get(0);
        assertEquals("db/failover.md", first.path());
        assertEquals(2, first.errors());
        assertEquals(1, first.todos());
        assertTrue(first.blocking());
        assertEquals(1, report.totals().todos());
    }

    @Test
    void failingSmokeAndUnverifiedCriticalRunbooksBlock() {
        GatePolicy policy = new GatePolicy(0, GatePolicy.NO_LIMIT, true, GatePolicy.NO_LIMIT, GatePolicy.NO_LIMIT,
                Set.of(RunbookSeverity.P0, RunbookSeverity.P1));
        GateReport report = new GateEvaluator(policy).evaluate(input(List.of(),
                Map.of("db/failover.md", Verification.FAILING), Set.of(), null));
        assertFalse(report.passed());
        assertEquals(List.of("failOnFailingSmoke", "requireVerifiedFor"), report.violations().stream().map(PolicyViolation::rule).toList());
        assertEquals(List.of("db/failover.md"), report.violations().get(0).blockingRunbooks());
        assertEquals(List.of("api/down.md"), report.violations().get(1).blockingRunbooks());
        assertTrue(report.violations().get(1).explanation().contains("requireVerifiedFor=P0,P1"), report.violations().get(1).explanation());
        assertEquals(1, report.totals().failing());
    }

    @Test
    void failingSmokeIsOnlyReportedWhenThePolicySaysSo() {
        GatePolicy lenient = new GatePolicy(0, GatePolicy.NO_LIMIT, false, GatePolicy.NO_LIMIT, GatePolicy.NO_LIMIT, Set.of());
        GateReport report = new GateEvaluator(lenient).evaluate(input(List.of(),
                Map.of("db/failover.md", Verification.FAILING), Set.of(), null));
        assertTrue(report.passed());
        assertTrue(report.runbooks().get(0).needsAction(), "a failing runbook still needs action in the owners view");
    }

    @Test
    void overdueReviewsCountAgainstMaxOverdue() {
        GatePolicy policy = new GatePolicy(0, GatePolicy.NO_LIMIT, true, 0, GatePolicy.NO_LIMIT, Set.of());
        GateReport report = new GateEvaluator(policy).evaluate(input(List.of(), Map.of(), Set.of("api/down.md"), null));
        assertFalse(report.passed());
        assertEquals("maxOverdue", report.violations().get(0).rule());
        assertEquals(1, report.totals().reviewOverdue());
    }

    @Test
    void ownersViewGroupsWhatEachTeamMustFix() {
        List<Finding> findings = List.of(finding("link.file", Severity.ERROR, "api/down.md", 3, "missing file"),
                finding("link.file", Severity.ERROR, "docs/style.md", 3, "missing file"));
        GateReport report = new GateEvaluator(GatePolicy.defaults()).evaluate(input(findings, Map.of(), Set.of(), null));
        assertEquals(List.of("team-api", GateEvaluator.NO_OWNER), List.copyOf(report.byOwner().keySet()));
        assertEquals("api/down.md", report.byOwner().get("team-api").get(0).path());
    }

    @Test
    void baselineShowsOnlyNewFindingsEvenWhenOldOnesMoved() {
        Finding old = finding("link.anchor", Severity.ERROR, "db/failover.md", 20, "no heading #promote");
        Finding moved = finding("link.anchor", Severity.ERROR, "db/failover.md", 31, "no heading #promote");
        Finding fresh = finding("placeholder.todo", Severity.ERROR, "api/down.md", 4, "TODO left in the text");
        Finding gone = finding("command.unicode", Severity.ERROR, "api/down.md", 9, "smart quote");
        GateBaseline baseline = new GateBaseline("v1.4", List.of(old, gone), Map.of());
        GateReport report = new GateEvaluator(GatePolicy.defaults()).evaluate(input(List.of(moved, fresh), Map.of(), Set.of(), baseline));
        BaselineComparison since = report.sinceBaseline();
        assertTrue(since.present());
        assertEquals(List.of(fresh), since.newFindings());
        assertEquals(List.of(gone), since.fixedFindings());
    }

    @Test
    void baselineWithHashesShowsAddedChangedAndRemovedRunbooks() {
        Map<String, String> hashes = Map.of(
                "api/down.md", ContentHash.of(api),
                "db/failover.md", "0000",
                "old/removed.md", "1111");
        GateBaseline baseline = new GateBaseline("v1.4", List.of(), hashes);
        BaselineComparison since = new GateEvaluator(GatePolicy.defaults())
                .evaluate(input(List.of(), Map.of(), Set.of(), baseline)).sinceBaseline();
        assertEquals(List.of("docs/style.md"), since.addedRunbooks());
        assertEquals(List.of("db/failover.md"), since.changedRunbooks());
        assertEquals(List.of("old/removed.md"), since.removedRunbooks());
    }

    @Test
    void findingsInFilesThatAreNotRunbooksStillBlock() {
        List<Finding> findings = List.of(finding("file.unreadable", Severity.ERROR, "broken.md", 1, "not a text file"));
        GateReport report = new GateEvaluator(GatePolicy.defaults()).evaluate(input(findings, Map.of(), Set.of(), null));
        assertFalse(report.passed());
        assertEquals(List.of("broken.md"), report.violations().get(0).blockingRunbooks());
    }

    private GateInput input(List<Finding> findings, Map<String, Verification> statuses, Set<String> overdue, GateBaseline baseline) {
        return new GateInput(List.of(api, db, docs), findings, statuses(statuses, overdue), TODAY, baseline, "staging");
    }

    private static Finding finding(String rule, Severity severity, String file, int line, String message) {
        return new Finding(rule, severity, file, line, 1, message, null);
    }

    private static Runbook runbook(String path, String owner, String severity, String body) {
        StringBuilder text = new StringBuilder("---\n");
        if (owner != null) {
            text.append("owner: ").append(owner).append('\n');
        }
        if (severity != null) {
            text.append("severity: ").append(severity).append('\n');
        }
        text.append("---\n").append(body);
        List<Finding> findings = new ArrayList<>();
        Runbook runbook = ContentLoader.parse(path, Path.of(path), SourceText.of(text.toString()), findings);
        assertTrue(findings.isEmpty(), findings.toString());
        return runbook;
    }
}
