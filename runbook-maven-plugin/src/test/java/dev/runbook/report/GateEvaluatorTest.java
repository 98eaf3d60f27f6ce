package dev.runbook.report;

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
    void withABaselineOnlyNewFindingsCountAgainstTheLimits() {
        Finding old = finding("link.anchor", Severity.ERROR, "db/failover.md", 20, "no heading #promote");
        Finding oldWarning = finding("command.prompt", Severity.WARNING, "db/failover.md", 8, "prompt in bash fence");
        GateBaseline baseline = new GateBaseline("v1.4", List.of(old, oldWarning), Map.of());
        GatePolicy strict = new GatePolicy(0, 0, true, GatePolicy.NO_LIMIT, 0, Set.of());

        GateReport unchanged = new GateEvaluator(strict).evaluate(input(List.of(old, oldWarning), Map.of(), Set.of(), baseline));
        assertTrue(unchanged.passed(), "findings the last release shipped with do not block: " + unchanged.explanation());
        assertEquals(1, unchanged.totals().errors(), "the report still counts every finding");
        assertFalse(unchanged.runbooks().get(0).blocking());

        Finding todo = finding("placeholder.todo", Severity.ERROR, "api/down.md", 4, "TODO left in the text");
        GateReport changed = new GateEvaluator(strict).evaluate(input(List.of(old, oldWarning, todo), Map.of(), Set.of(), baseline));
        assertFalse(changed.passed());
        assertEquals(List.of("maxErrors", "maxTodos"), changed.violations().stream().map(PolicyViolation::rule).toList());
        assertEquals(List.of("api/down.md"), changed.violations().get(0).blockingRunbooks(),
                "only the runbook with the new finding blocks");
        assertEquals("1 new error finding since the baseline where at most 0 are allowed (maxErrors=0).",
                changed.violations().get(0).explanation());
        RunbookRow api = changed.runbooks().stream().filter(r -> r.path().equals("api/down.md")).findFirst().orElseThrow();
        RunbookRow db = changed.runbooks().stream().filter(r -> r.path().equals("db/failover.md")).findFirst().orElseThrow();
        assertTrue(api.blocking());
        assertEquals(1, api.newFindings());
        assertFalse(db.blocking(), "old findings are listed but do not block");
        assertEquals(1, db.errors());
        assertEquals(0, db.newFindings());
        assertEquals(3, changed.findings().size(), "the report lists all findings");
    }

    @Test
    void withoutABaselineEveryFindingCounts() {
        Finding old = finding("link.anchor", Severity.ERROR, "db/failover.md", 20, "no heading #promote");
        GateReport report = new GateEvaluator(GatePolicy.defaults()).evaluate(input(List.of(old), Map.of(), Set.of(), null));
        assertFalse(report.passed());
        assertFalse(report.sinceBaseline().present());
        assertEquals(0, report.runbooks().get(0).newFindings());
    }

    @Test
    void warningAndTodoLimitsAreOffByDefaultButApplyWhenSet() {
        List<Finding> findings = List.of(finding("command.prompt", Severity.WARNING, "api/down.md", 5, "prompt"),
                finding("placeholder.todo", Severity.WARNING, "docs/style.md", 2, "TODO"));
        GateReport lenient = new GateEvaluator(new GatePolicy(0, GatePolicy.NO_LIMIT, true, GatePolicy.NO_LIMIT, GatePolicy.NO_LIMIT,
                Set.of())).evaluate(input(findings, Map.of(), Set.of(), null));
        assertTrue(lenient.passed(), lenient.explanation());
        GateReport strict = new GateEvaluator(new GatePolicy(0, 1, true, GatePolicy.NO_LIMIT, 0, Set.of()))
                .evaluate(input(findings, Map.of(), Set.of(), null));
        assertEquals(List.of("maxWarnings"), strict.violations().stream().map(PolicyViolation::rule).toList().subList(0, 1));
        assertEquals("2 warning findings where at most 1 are allowed (maxWarnings=1).", strict.violations().get(0).explanation());
        assertEquals(List.of("api/down.md", "docs/style.md"), strict.violations().get(0).blockingRunbooks());
        assertEquals("maxTodos", strict.violations().get(1).rule());
        assertEquals(List.of("docs/style.md"), strict.violations().get(1).blockingRunbooks());
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
