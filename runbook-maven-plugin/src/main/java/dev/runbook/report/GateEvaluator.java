package dev.runbook.report;

import dev.runbook.findings.Finding;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.status.RunbookStatus;
import dev.runbook.status.Verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Applies a {@link GatePolicy} to the latest findings and smoke results and produces the verdict. */
public final class GateEvaluator {

    static final String TODO_RULE = "placeholder.todo";
    static final String NO_OWNER = "(no owner)";

    private final GatePolicy policy;

    public GateEvaluator(GatePolicy policy) {
        this.policy = policy;
    }

    public GateReport evaluate(GateInput input) {
        BaselineComparison since = compare(input);
        // With a baseline the finding limits count only what is new: the last release shipped with the
        // rest, so a reviewer is asked about the change, not about old debt.
        List<Finding> counted = since.present() ? since.newFindings() : input.findings();
        Map<String, List<Finding>> findingsByFile = input.findings().stream()
                .collect(Collectors.groupingBy(Finding::file, TreeMap::new, Collectors.toList()));
        Map<String, Long> newByFile = since.newFindings().stream()
                .collect(Collectors.groupingBy(Finding::file, Collectors.counting()));
        Map<String, RowDraft> drafts = new LinkedHashMap<>();
        for (Runbook runbook : input.runbooks()) {
            List<Finding> own = findingsByFile.getOrDefault(runbook.relativePath(), List.of());
            drafts.put(runbook.relativePath(), new RowDraft(runbook, input.status().statusOf(runbook), count(own, Severity.ERROR),
                    count(own, Severity.WARNING), (int) own.stream().filter(GateEvaluator::isTodo).count(),
                    newByFile.getOrDefault(runbook.relativePath(), 0L).intValue()));
        }
        String scope = since.present() ? "new " : "";
        String baselineNote = since.present() ? " since the baseline" : "";

        List<PolicyViolation> violations = new ArrayList<>();
        findingLimit(violations, "maxErrors", policy.maxErrors(), counted, f -> f.severity() == Severity.ERROR,
                scope + "error finding", baselineNote, drafts);
        findingLimit(violations, "maxWarnings", policy.maxWarnings(), counted, f -> f.severity() == Severity.WARNING,
                scope + "warning finding", baselineNote, drafts);
        findingLimit(violations, "maxTodos", policy.maxTodos(), counted, GateEvaluator::isTodo,
                scope + "TODO placeholder", baselineNote, drafts);
        int overdue = (int) drafts.values().stream().filter(d -> d.status.reviewOverdue()).count();
        if (policy.maxOverdue() >= 0 && overdue > policy.maxOverdue()) {
            List<RowDraft> late = drafts.values().stream().filter(d -> d.status.reviewOverdue()).toList();
            late.forEach(d -> d.blocking = true);
            violations.add(new PolicyViolation("maxOverdue", overdue + " runbooks overdue for review where at most "
                    + policy.maxOverdue() + " are allowed (maxOverdue=" + policy.maxOverdue() + ").", paths(late)));
        }
        if (policy.failOnFailingSmoke()) {
            List<RowDraft> failing = drafts.values().stream().filter(d -> d.status.verification() == Verification.FAILING).toList();
            if (!failing.isEmpty()) {
                failing.forEach(d -> d.blocking = true);
                violations.add(new PolicyViolation("failOnFailingSmoke",
                        failing.size() + (failing.size() == 1 ? " runbook fails" : " runbooks fail")
                                + " its smoke checks (failOnFailingSmoke=true).", paths(failing)));
            }
        }
        if (!policy.requireVerifiedFor().isEmpty()) {
            List<RowDraft> unverified = drafts.values().stream()
                    .filter(d -> d.runbook.frontMatter().severity() != null
                            && policy.requireVerifiedFor().contains(d.runbook.frontMatter().severity())
                            && d.status.verification() != Verification.VERIFIED)
                    .toList();
            if (!unverified.isEmpty()) {
                unverified.forEach(d -> d.blocking = true);
                String severities = policy.requireVerifiedFor().stream().map(Enum::name).sorted().collect(Collectors.joining("/"));
                violations.add(new PolicyViolation("requireVerifiedFor",
                        unverified.size() + " " + severities + (unverified.size() == 1 ? " runbook is" : " runbooks are")
                                + " not verified by a recent smoke run (requireVerifiedFor=" + severities.replace('/', ',') + ").",
                        paths(unverified)));
            }
        }

        List<RunbookRow> rows = drafts.values().stream().map(RowDraft::toRow)
                .sorted(Comparator.comparing((RunbookRow r) -> !r.needsAction()).thenComparing(RunbookRow::path))
                .toList();
        Map<String, List<RunbookRow>> byOwner = new LinkedHashMap<>();
        rows.stream().filter(RunbookRow::needsAction)
                .sorted(Comparator.comparing((RunbookRow r) -> r.owner() == null ? "\uffff" : r.owner()).thenComparing(RunbookRow::path))
                .forEach(r -> byOwner.computeIfAbsent(r.owner() == null ? NO_OWNER : r.owner(), k -> new ArrayList<>()).add(r));
        GateReport.Totals totals = new GateReport.Totals(rows.size(),
                countStatus(drafts.values(), Verification.VERIFIED), countStatus(drafts.values(), Verification.FAILING),
                countStatus(drafts.values(), Verification.UNVERIFIED), overdue, count(input.findings(), Severity.ERROR),
                count(input.findings(), Severity.WARNING), (int) input.findings().stream().filter(GateEvaluator::isTodo).count());
        return new GateReport(input.buildDate(), violations.isEmpty(), violations, totals, rows, input.findings(),
                since, byOwner, input.smokeEnvironment());
    }

    /**
     * One finding limit: too many counted findings of a kind fail the gate, and every file holding one of
     * them blocks (a file that failed to load as a runbook included, so nothing slips through).
     */
    private static void findingLimit(List<PolicyViolation> violations, String rule, int max, List<Finding> counted,
                                     Predicate<Finding> kind, String what, String note, Map<String, RowDraft> drafts) {
        List<Finding> matching = counted.stream().filter(kind).toList();
        if (max < 0 || matching.size() <= max) {
            return;
        }
        List<String> blocking = matching.stream().map(Finding::file).distinct().sorted().toList();
        blocking.forEach(file -> {
            RowDraft draft = drafts.get(file);
            if (draft != null) {
                draft.blocking = true;
            }
        });
        violations.add(new PolicyViolation(rule, matching.size() + " " + what + (matching.size() == 1 ? "" : "s") + note
                + " where at most " + max
                + " are allowed (" + rule + "=" + max + ").", blocking));
    }

    private static boolean isTodo(Finding finding) {
        return finding.ruleId().equals(TODO_RULE);
    }

    private BaselineComparison compare(GateInput input) {
        GateBaseline baseline = input.baseline();
        if (baseline == null) {
            return BaselineComparison.none();
        }
        Map<FindingKey, Integer> before = new HashMap<>();
        baseline.findings().forEach(f -> before.merge(FindingKey.of(f), 1, Integer::sum));
        List<Finding> added = new ArrayList<>();
        for (Finding finding : input.findings()) {
            FindingKey key = FindingKey.of(finding);
            Integer left = before.get(key);
            if (left == null || left == 0) {
                added.add(finding);
            } else {
                before.put(key, left - 1);
            }
        }
        Map<FindingKey, Integer> now = new HashMap<>();
        input.findings().forEach(f -> now.merge(FindingKey.of(f), 1, Integer::sum));
        List<Finding> fixed = new ArrayList<>();
        for (Finding finding : baseline.findings()) {
            FindingKey key = FindingKey.of(finding);
            Integer left = now.get(key);
            if (left == null || left == 0) {
                fixed.add(finding);
            } else {
                now.put(key, left - 1);
            }
        }
        List<String> addedRunbooks = new ArrayList<>();
        List<String> changedRunbooks = new ArrayList<>();
        List<String> removedRunbooks = new ArrayList<>();
        if (!baseline.runbookHashes().isEmpty()) {
            Set<String> current = new java.util.HashSet<>();
            for (Runbook runbook : input.runbooks()) {
                current.add(runbook.relativePath());
                String old = baseline.runbookHashes().get(runbook.relativePath());
                if (old == null) {
                    addedRunbooks.add(runbook.relativePath());
                } else if (!old.equals(ContentHash.of(runbook))) {
                    changedRunbooks.add(runbook.relativePath());
                }
            }
            baseline.runbookHashes().keySet().stream().filter(p -> !current.contains(p)).sorted().forEach(removedRunbooks::add);
        }
        added.sort(Finding.ORDER);
        fixed.sort(Finding.ORDER);
        return new BaselineComparison(true, baseline.label(), added, fixed, addedRunbooks, changedRunbooks, removedRunbooks);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static int countStatus(java.util.Collection<RowDraft> drafts, Verification verification) {
        return (int) drafts.stream().filter(d -> d.status.verification() == verification).count();
    }

    private static List<String> paths(List<RowDraft> drafts) {
        return drafts.stream().map(d -> d.runbook.relativePath()).toList();
    }

    /** A row while the policy is applied; blocking is set by the policy lines it breaks. */
    private static final class RowDraft {
        final Runbook runbook;
        final RunbookStatus status;
        final int errors;
        final int warnings;
        final int todos;
        final int newFindings;
        boolean blocking;

        RowDraft(Runbook runbook, RunbookStatus status, int errors, int warnings, int todos, int newFindings) {
            this.runbook = runbook;
            this.status = status;
            this.errors = errors;
            this.warnings = warnings;
            this.todos = todos;
            this.newFindings = newFindings;
        }

        RunbookRow toRow() {
            var fm = runbook.frontMatter();
            return new RunbookRow(runbook.relativePath(), runbook.pagePath(), runbook.title(), fm.owner(), fm.services(),
                    fm.severity() == null ? null : fm.severity().name(), status, fm.lastReviewed(), errors, warnings, todos, newFindings,
                    blocking);
        }
    }
}
