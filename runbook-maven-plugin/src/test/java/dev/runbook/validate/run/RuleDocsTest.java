package dev.runbook.validate.run;

import dev.runbook.findings.RuleInfo;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.FrontMatterParser;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.placeholders.TodoPlaceholderRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/validate.md has one entry per rule id, and only for rule ids: an entry is an {@code <a id="…">}
 * line followed by a {@code ### `id` — severity} heading. Every rule a finding may name counts: the
 * registry's rules, the policy's {@code suppression.*}, and the ids the loader emits itself.
 */
class RuleDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "validate.md");
    private static final Pattern ENTRY = Pattern.compile("^((?:<a id=\"[^\"]+\"></a>)+)\\n### (.+)$", Pattern.MULTILINE);
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern TABLE_LINK = Pattern.compile("^\\| \\[`([^`]+)`\\]\\(#([^)]+)\\)", Pattern.MULTILINE);

    private static String docs() throws Exception {
        assertTrue(Files.isRegularFile(DOCS), "run from the plugin module: " + DOCS.toAbsolutePath());
        return Files.readString(DOCS);
    }

    /** Rule id → its documented default severity word, from the entries' anchors and headings. */
    private static List<String[]> entries(String docs) {
        List<String[]> out = new ArrayList<>();
        Matcher m = ENTRY.matcher(docs);
        while (m.find()) {
            List<String> anchors = new ArrayList<>();
            Matcher a = ANCHOR.matcher(m.group(1));
            while (a.find()) {
                anchors.add(a.group(1));
            }
            List<String> named = new ArrayList<>();
            Matcher c = CODE.matcher(m.group(2));
            while (c.find()) {
                named.add(c.group(1));
            }
            assertEquals(anchors, named, "the anchors and the heading of an entry name the same rules: " + m.group());
            String severity = m.group(2).substring(m.group(2).indexOf('—') + 1).strip().split(" ")[0];
            for (String id : anchors) {
                out.add(new String[] {id, severity});
            }
        }
        return out;
    }

    private static Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        Rules.builtIn(RuleSettings.defaults()).ruleInfos().forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Test
    void everyRuleIdHasOneEntryAndEveryEntryNamesARule() throws Exception {
        List<String[]> entries = entries(docs());
        List<String> documented = entries.stream().map(e -> e[0]).toList();
        assertEquals(new LinkedHashSet<>(documented).size(), documented.size(), "one entry per rule id: " + documented);
        Set<String> missing = new TreeSet<>(ruleIds());
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "rules without an entry in docs/validate.md");
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(ruleIds());
        assertEquals(Set.of(), unknown, "entries in docs/validate.md that name no registered rule");
    }

    @Test
    void idsEmittedOutsideTheRulesAreRegisteredAndDocumented() throws Exception {
        Set<String> documented = new TreeSet<>(entries(docs()).stream().map(e -> e[0]).toList());
        for (String id : List.of(ContentLoader.RULE_UNREADABLE, FrontMatterParser.RULE_SCHEMA,
                FrontMatterParser.RULE_UNKNOWN_KEY, TodoPlaceholderRule.ID)) {
            assertTrue(ruleIds().contains(id), id + " is emitted but not registered in Rules");
            assertTrue(documented.contains(id), id + " is emitted but has no entry in docs/validate.md");
        }
    }

    @Test
    void eachEntryStatesTheRulesDefaultSeverityAndEachDocsAnchorExists() throws Exception {
        String docs = docs();
        List<String[]> entries = entries(docs);
        for (RuleInfo rule : Rules.builtIn(RuleSettings.defaults()).ruleInfos()) {
            String word = entries.stream().filter(e -> e[0].equals(rule.id())).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.id() + " has no entry in docs/validate.md"))[1];
            assertEquals(rule.defaultSeverity().name().toLowerCase(java.util.Locale.ROOT), word, rule.id());
            assertTrue(docs.contains("<a id=\"" + rule.docsAnchor() + "\"></a>"), "SARIF's help names #" + rule.docsAnchor());
        }
    }

    @Test
    void theRuleTableLinksEveryRuleToItsEntry() throws Exception {
        String docs = docs();
        Set<String> linked = new TreeSet<>();
        Matcher m = TABLE_LINK.matcher(docs);
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "the table row of " + m.group(1) + " links to its own entry");
            linked.add(m.group(1));
        }
        Matcher more = Pattern.compile("\\[`([^`]+)`\\]\\(#([^)]+)\\)").matcher(docs.substring(docs.indexOf("## Rules"),
                docs.indexOf("<a id=\"link.file\">")));
        while (more.find()) {
            linked.add(more.group(1));
        }
        assertEquals(ruleIds(), linked, "the table under ## Rules lists every rule");
    }
}
