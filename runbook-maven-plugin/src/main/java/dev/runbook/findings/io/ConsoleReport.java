package dev.runbook.findings.io;

import dev.runbook.findings.Finding;
import dev.runbook.findings.ValidationReport;
import dev.runbook.findings.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * The console block: one {@code path:line:col: severity [rule] message} line per finding (path from the
 * repository root, so IDEs and CI annotate the right file), then a one-line summary.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static List<String> lines(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : report.findings()) {
            lines.add(report.contentPrefix() + finding.toConsoleLine());
        }
        lines.add(summary(report));
        return lines;
    }

    public static String summary(ValidationReport report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long infos = report.count(Severity.INFO);
        StringBuilder s = new StringBuilder("validate: ")
                .append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
        if (infos > 0) {
            s.append(", ").append(plural(infos, "hint"));
        }
        long inRunbooks = report.runbooksWithProblems();
        long others = report.filesWithProblems() - inRunbooks;
        s.append(" in ").append(inRunbooks).append(" of ").append(plural(report.runbooks().size(), "runbook"));
        if (others > 0) { // alert rule files
            s.append(" and ").append(plural((int) others, "other file"));
        }
        if (!report.baselined().isEmpty()) {
            s.append(" (").append(report.baselined().size()).append(" more accepted by the baseline)");
        }
        return s.toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
