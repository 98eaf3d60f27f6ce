package dev.runbook.validate;

import dev.runbook.findings.RuleInfo;
import dev.runbook.validate.frontmatter.FrontMatterSchemaRule;
import dev.runbook.validate.frontmatter.FrontMatterUnknownKeyRule;
import dev.runbook.validate.frontmatter.UnreadableFileRule;
import dev.runbook.validate.links.AnchorLinkRule;
import dev.runbook.validate.links.EmptyLinkRule;
import dev.runbook.validate.links.FileLinkRule;
import dev.runbook.validate.links.LinkSchemeRule;
import dev.runbook.validate.links.ProtocolRelativeLinkRule;
import dev.runbook.validate.links.external.ExternalLinkRule;
import dev.runbook.validate.policy.SuppressionNoReasonRule;
import dev.runbook.validate.policy.SuppressionUnusedRule;
import dev.runbook.validate.review.ReviewOverdueRule;
import dev.runbook.validate.smoke.SmokeSyntaxRule;
import dev.runbook.validate.structure.DuplicateIdRule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules in one place. The content rules (placeholders, commands, syntax, encoding) are
 * passed in by the caller as {@code contentRules} — in the plugin that list is
 * {@code ContentRules.all(ContentRuleSettings)} — so this registry does not depend on how they are built.
 * The two {@code suppression.*} rules are produced by the policy, not run; they are listed so that
 * reports and docs know them.
 */
public final class RuleCatalog {

    private final List<Rule> rules;

    private RuleCatalog(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalArgumentException("two rules share the id " + rule.id());
            }
        }
        this.rules = List.copyOf(byId.values());
    }

    public static RuleCatalog builtIn(RuleSettings settings, List<Rule> contentRules) {
        List<Rule> all = new ArrayList<>();
        all.add(new FrontMatterSchemaRule());
        all.add(new FrontMatterUnknownKeyRule(settings.allowedFrontMatterKeys()));
        all.add(new UnreadableFileRule());
        all.add(new FileLinkRule());
        all.add(new AnchorLinkRule());
        all.add(new EmptyLinkRule());
        all.add(new LinkSchemeRule());
        all.add(new ProtocolRelativeLinkRule());
        all.add(new ExternalLinkRule(settings.links()));
        all.add(new ReviewOverdueRule(settings.reviewEvery()));
        all.add(new DuplicateIdRule());
        all.add(new SmokeSyntaxRule());
        all.addAll(contentRules);
        return new RuleCatalog(all);
    }

    public static RuleCatalog of(List<Rule> rules) {
        return new RuleCatalog(rules);
    }

    /** The rules that run. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every rule id a finding may carry: the rules that run plus those the policy itself reports. */
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
