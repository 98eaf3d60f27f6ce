package dev.runbook.validate.alerts;

import dev.runbook.alerts.AlertLinks;
import dev.runbook.alerts.AlertSettings;
import dev.runbook.alerts.RuleFileProblem;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.ValidationContext;

/**
 * {@code alert.rule-file}: a rule file named by {@code alertRules} that cannot be read (not YAML, not UTF-8,
 * no rule groups) or a rule in it that is malformed. Reported at the line and column where the parser
 * stopped; the other files are still checked, so one bad file hides nothing else.
 */
public final class AlertRuleFileRule extends AlertCrossCheckRule {

    public static final String ID = "alert.rule-file";

    public AlertRuleFileRule(AlertSettings settings) {
        super(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "An alert rule file that cannot be read or parsed, or a malformed rule in it");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void report(AlertLinks links, ValidationContext context, FindingSink sink) {
        for (RuleFileProblem problem : links.rules().problems()) {
            sink.report(new Finding(ID, defaultSeverity(), problem.file(), problem.at().line(), problem.at().column(),
                    problem.message(), "fix the file, or remove it from alertRules"));
        }
    }
}
