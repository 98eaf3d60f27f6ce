package dev.runbook.alerts;

import java.util.List;

/**
 * Every alerting rule of the configured rule files, in file order, and the problems met reading them.
 *
 * @param files    the rule files read, as findings name them
 * @param alerts   the alerting rules (recording rules are skipped)
 * @param problems files or rules that could not be read
 */
public record AlertRuleSet(List<String> files, List<AlertRule> alerts, List<RuleFileProblem> problems) {

    public static final AlertRuleSet EMPTY = new AlertRuleSet(List.of(), List.of(), List.of());

    public AlertRuleSet {
        files = List.copyOf(files);
        alerts = List.copyOf(alerts);
        problems = List.copyOf(problems);
    }
}
