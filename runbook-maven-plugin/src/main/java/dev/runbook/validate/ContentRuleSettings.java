package dev.runbook.validate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The few knobs of the content rules (placeholders, commands, JSON/YAML/SQL syntax, encoding).
 *
 * @param todoWords          upper-case words that mark unfinished text ({@code placeholder.todo}); they match as
 *                           whole words only, so {@code TODOS}, {@code todo-app} and {@code XXXXXX} never match
 * @param extraTodoPatterns  further regular expressions reported as {@code placeholder.todo}
 * @param extraFillInPatterns further regular expressions reported as {@code placeholder.fill-in}
 * @param shellLanguages     fence languages parsed as shell; {@code console} is always the prompt-and-output form
 */
public record ContentRuleSettings(
        List<String> todoWords,
        List<Pattern> extraTodoPatterns,
        List<Pattern> extraFillInPatterns,
        Set<String> shellLanguages) {

    public static final List<String> DEFAULT_TODO_WORDS = List.of("TODO", "TBD", "FIXME", "XXX");
    public static final Set<String> DEFAULT_SHELL_LANGUAGES = Set.of("bash", "sh", "shell", "zsh", "console");

    public ContentRuleSettings {
        todoWords = List.copyOf(todoWords);
        extraTodoPatterns = List.copyOf(extraTodoPatterns);
        extraFillInPatterns = List.copyOf(extraFillInPatterns);
        shellLanguages = shellLanguages.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static ContentRuleSettings defaults() {
        return new ContentRuleSettings(DEFAULT_TODO_WORDS, List.of(), List.of(), DEFAULT_SHELL_LANGUAGES);
    }

    public ContentRuleSettings withExtraTodoPatterns(List<Pattern> patterns) {
        return new ContentRuleSettings(todoWords, patterns, extraFillInPatterns, shellLanguages);
    }

    public ContentRuleSettings withExtraFillInPatterns(List<Pattern> patterns) {
        return new ContentRuleSettings(todoWords, extraTodoPatterns, patterns, shellLanguages);
    }

    public ContentRuleSettings withShellLanguages(Set<String> languages) {
        return new ContentRuleSettings(todoWords, extraTodoPatterns, extraFillInPatterns, languages);
    }

    public boolean isShell(String language) {
        return shellLanguages.contains(language);
    }
}
