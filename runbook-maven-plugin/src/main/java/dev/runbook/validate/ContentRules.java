package dev.runbook.validate;

import dev.runbook.validate.commands.CommandContinuationRule;
import dev.runbook.validate.commands.CommandLanguageRule;
import dev.runbook.validate.commands.CommandPromptRule;
import dev.runbook.validate.commands.CommandSyntaxRule;
import dev.runbook.validate.commands.CommandUnicodeRule;
import dev.runbook.validate.encoding.EncodingInvalidRule;
import dev.runbook.validate.encoding.MojibakeRule;
import dev.runbook.validate.placeholders.FillInPlaceholderRule;
import dev.runbook.validate.placeholders.TodoPlaceholderRule;
import dev.runbook.validate.syntax.JsonSyntaxRule;
import dev.runbook.validate.syntax.SqlSyntaxRule;
import dev.runbook.validate.syntax.YamlSyntaxRule;

import java.util.List;

/** The rules that read a runbook's own content: placeholders, commands, JSON/YAML/SQL syntax, encoding. */
public final class ContentRules {

    private ContentRules() {
    }

    public static List<Rule> all(ContentRuleSettings settings) {
        return List.of(
                new TodoPlaceholderRule(settings),
                new FillInPlaceholderRule(settings),
                new CommandSyntaxRule(settings),
                new CommandLanguageRule(settings),
                new CommandUnicodeRule(settings),
                new CommandContinuationRule(settings),
                new CommandPromptRule(settings),
                new JsonSyntaxRule(settings),
                new YamlSyntaxRule(settings),
                new SqlSyntaxRule(settings),
                new EncodingInvalidRule(),
                new MojibakeRule());
    }
}
