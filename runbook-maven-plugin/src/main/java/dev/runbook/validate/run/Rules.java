package dev.runbook.validate.run;

import dev.runbook.findings.RuleInfo;
import dev.runbook.validate.Rule;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.alerts.AlertBrokenRunbookUrlRule;
import dev.runbook.validate.alerts.AlertMissingRunbookRule;
import dev.runbook.validate.alerts.AlertOrphanRunbookRule;
import dev.runbook.validate.alerts.AlertRuleFileRule;
import dev.runbook.validate.commands.CommandContinuationRule;
import dev.runbook.validate.commands.CommandLanguageRule;
import dev.runbook.validate.commands.CommandPromptRule;
import dev.runbook.validate.commands.CommandSyntaxRule;
import dev.runbook.validate.commands.CommandUnicodeRule;
import dev.runbook.validate.commands.ShellCheckRule;
import dev.runbook.validate.encoding.EncodingInvalidRule;
import dev.runbook.validate.encoding.MojibakeRule;
import dev.runbook.validate.frontmatter.FrontMatterSchemaRule;
import dev.runbook.validate.frontmatter.FrontMatterUnknownKeyRule;
import dev.runbook.validate.frontmatter.UnreadableFileRule;
import dev.runbook.validate.links.AnchorLinkRule;
import dev.runbook.validate.links.EmptyLinkRule;
import dev.runbook.validate.links.FileLinkRule;
import dev.runbook.validate.links.LinkSchemeRule;
import dev.runbook.validate.links.ProtocolRelativeLinkRule;
import dev.runbook.validate.links.ReferenceDuplicateRule;
import dev.runbook.validate.links.ReferenceUndefinedRule;
import dev.runbook.validate.links.ReferenceUnusedRule;
import dev.runbook.validate.links.external.ExternalLinkRule;
import dev.runbook.validate.placeholders.FillInPlaceholderRule;
import dev.runbook.validate.placeholders.TodoPlaceholderRule;
import dev.runbook.validate.policy.SuppressionNoReasonRule;
import dev.runbook.validate.policy.SuppressionUnusedRule;
import dev.runbook.validate.review.ReviewOverdueRule;
import dev.runbook.validate.smoke.SmokeNoAssertionRule;
import dev.runbook.validate.smoke.SmokeSyntaxRule;
import dev.runbook.validate.structure.DuplicateIdRule;
import dev.runbook.validate.syntax.JsonSyntaxRule;
import dev.runbook.validate.syntax.SqlSyntaxRule;
import dev.runbook.validate.syntax.YamlSyntaxRule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of validation rules: a new rule is one line in {@link #builtIn}. Every rule's
 * configuration comes from the one {@link RuleSettings} record. The two {@code suppression.*} rules are
 * produced by the policy, not run; they are listed so that reports and docs know them.
 */
public final class Rules {

    private final List<Rule> rules;

    private Rules(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalArgumentException("two rules share the id " + rule.id());
            }
        }
        this.rules = List.copyOf(byId.values());
    }

    /** Every built-in rule, in the order the docs list them. */
    public static Rules builtIn(RuleSettings settings) {
        return new Rules(List.of(
                new FrontMatterSchemaRule(),
                new FrontMatterUnknownKeyRule(settings.allowedFrontMatterKeys()),
                new UnreadableFileRule(),
                new FileLinkRule(settings.links().style()),
                new AnchorLinkRule(settings.links().style()),
                new EmptyLinkRule(),
                new LinkSchemeRule(),
                new ProtocolRelativeLinkRule(),
                new ReferenceUndefinedRule(),
                new ReferenceUnusedRule(),
                new ReferenceDuplicateRule(),
                new ExternalLinkRule(settings.links()),
                new ReviewOverdueRule(settings.reviewEvery()),
                new DuplicateIdRule(),
                new SmokeSyntaxRule(),
                new SmokeNoAssertionRule(),
                new TodoPlaceholderRule(settings),
                new FillInPlaceholderRule(settings),
                new CommandSyntaxRule(settings),
                new CommandLanguageRule(settings),
                new CommandUnicodeRule(settings),
                new CommandContinuationRule(settings),
                new CommandPromptRule(settings),
                new ShellCheckRule(settings),
                new JsonSyntaxRule(settings),
                new YamlSyntaxRule(settings),
                new SqlSyntaxRule(settings),
                new EncodingInvalidRule(),
                new MojibakeRule(),
                new AlertMissingRunbookRule(settings.alerts()),
                new AlertBrokenRunbookUrlRule(settings.alerts()),
                new AlertOrphanRunbookRule(settings.alerts()),
                new AlertRuleFileRule(settings.alerts())));
    }

    /** A registry of just these rules (tests, tools). */
    public static Rules of(List<Rule> rules) {
        return new Rules(rules);
    }

    /** The rules that run. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every rule a finding may name: the rules that run plus those the policy itself reports. */
    public List<Rule> describedRules() {
        List<Rule> all = new ArrayList<>(rules);
        all.add(new SuppressionNoReasonRule());
        all.add(new SuppressionUnusedRule());
        return Collections.unmodifiableList(all);
    }

    /** {@link #describedRules()} as reports know them. */
    public List<RuleInfo> ruleInfos() {
        return describedRules().stream().map(Rule::info).toList();
    }
}
