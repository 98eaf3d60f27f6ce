package dev.runbook.validate;

import dev.runbook.alerts.AlertSettings;
import dev.runbook.status.ReviewSchedule;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one settings record of the built-in rules: every knob any rule has, so the registry hands the same
 * record to each rule and a new rule's setting is one new component here.
 *
 * @param links               how external links are checked ({@code link.external})
 * @param reviewEvery         default review interval for runbooks without {@code review_every} ({@code review.overdue})
 * @param allowedFrontMatterKeys extra front-matter keys not reported as unknown, e.g. Hugo's {@code weight}
 *                           ({@code frontmatter.unknown-key})
 * @param todoWords          upper-case words that mark unfinished text ({@code placeholder.todo}); they match as
 *                           whole words only, so {@code TODOS}, {@code todo-app} and {@code XXXXXX} never match
 * @param extraTodoPatterns  further regular expressions reported as {@code placeholder.todo}
 * @param extraFillInPatterns further regular expressions reported as {@code placeholder.fill-in}
 * @param shellLanguages     fence languages parsed as shell; {@code console} is always the prompt-and-output form
 * @param shellCheck         whether and how {@code command.shellcheck} runs the ShellCheck binary
 * @param alerts             the alert rule files and runbook URL bases of the {@code alert.*} rules (off unless configured)
 */
public record RuleSettings(
        LinkCheckSettings links,
        Period reviewEvery,
        Set<String> allowedFrontMatterKeys,
        List<String> todoWords,
        List<Pattern> extraTodoPatterns,
        List<Pattern> extraFillInPatterns,
        Set<String> shellLanguages,
        ShellCheck shellCheck,
        AlertSettings alerts) {

    public static final List<String> DEFAULT_TODO_WORDS = List.of("TODO", "TBD", "FIXME", "XXX");
    public static final Set<String> DEFAULT_SHELL_LANGUAGES = Set.of("bash", "sh", "shell", "zsh", "console");

    /**
     * ShellCheck for {@code command.shellcheck}.
     *
     * @param mode    {@link Mode#AUTO} runs it when the binary is found, {@link Mode#ON} requires it, {@link Mode#OFF} never
     * @param binary  the executable; {@code null} looks up {@code shellcheck} on the PATH
     * @param exclude ShellCheck codes never reported, as {@code SC2154}
     */
    public record ShellCheck(Mode mode, Path binary, Set<String> exclude) {

        public enum Mode { AUTO, ON, OFF }

        /**
         * Codes that are wrong for snippets; see {@code ShellCheckRule} for why each one is here. A runbook's
         * blocks are pasted one after another into one shell, so a variable set in one block and used in the
         * next is normal, and sourced files are on the reader's machine, not next to the Markdown.
         */
        public static final Set<String> DEFAULT_EXCLUDE = Set.of("SC2154", "SC2034", "SC1090", "SC1091", "SC2164", "SC2155", "SC2317");

        public ShellCheck {
            Objects.requireNonNull(mode, "mode");
            exclude = exclude.stream().map(ShellCheck::code).collect(Collectors.toUnmodifiableSet());
        }

        public static ShellCheck defaults() {
            return new ShellCheck(Mode.AUTO, null, DEFAULT_EXCLUDE);
        }

        /** {@code auto}, {@code on} or {@code off} (also {@code true}/{@code false}); anything else is an error. */
        public static Mode parseMode(String text) {
            String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "", "auto" -> Mode.AUTO;
                case "on", "true" -> Mode.ON;
                case "off", "false" -> Mode.OFF;
                default -> throw new IllegalArgumentException("shellcheck must be auto, on or off, not '" + text + "'");
            };
        }

        /** {@code 2086}, {@code sc2086} and {@code SC2086} all mean {@code SC2086}. */
        public static String code(String text) {
            String value = text.strip().toUpperCase(Locale.ROOT);
            return value.startsWith("SC") ? value : "SC" + value;
        }
    }

    public RuleSettings {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(reviewEvery, "reviewEvery");
        Objects.requireNonNull(shellCheck, "shellCheck");
        alerts = alerts == null ? AlertSettings.OFF : alerts;
        allowedFrontMatterKeys = Set.copyOf(allowedFrontMatterKeys);
        todoWords = List.copyOf(todoWords);
        extraTodoPatterns = List.copyOf(extraTodoPatterns);
        extraFillInPatterns = List.copyOf(extraFillInPatterns);
        shellLanguages = shellLanguages.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** What the plugin uses unless configured. */
    public static RuleSettings defaults() {
        return new RuleSettings(LinkCheckSettings.defaults(), ReviewSchedule.DEFAULT_INTERVAL, Set.of(), DEFAULT_TODO_WORDS, List.of(),
                List.of(), DEFAULT_SHELL_LANGUAGES, ShellCheck.defaults(), AlertSettings.OFF);
    }

    public RuleSettings withLinks(LinkCheckSettings value) {
        return new RuleSettings(value, reviewEvery, allowedFrontMatterKeys, todoWords, extraTodoPatterns, extraFillInPatterns,
                shellLanguages, shellCheck, alerts);
    }

    public RuleSettings withReviewEvery(Period value) {
        return new RuleSettings(links, value, allowedFrontMatterKeys, todoWords, extraTodoPatterns, extraFillInPatterns,
                shellLanguages, shellCheck, alerts);
    }

    public RuleSettings withAllowedFrontMatterKeys(Set<String> value) {
        return new RuleSettings(links, reviewEvery, value, todoWords, extraTodoPatterns, extraFillInPatterns,
                shellLanguages, shellCheck, alerts);
    }

    public RuleSettings withExtraTodoPatterns(List<Pattern> patterns) {
        return new RuleSettings(links, reviewEvery, allowedFrontMatterKeys, todoWords, patterns, extraFillInPatterns, shellLanguages, shellCheck, alerts);
    }

    public RuleSettings withExtraFillInPatterns(List<Pattern> patterns) {
        return new RuleSettings(links, reviewEvery, allowedFrontMatterKeys, todoWords, extraTodoPatterns, patterns, shellLanguages, shellCheck, alerts);
    }

    public RuleSettings withShellLanguages(Set<String> languages) {
        return new RuleSettings(links, reviewEvery, allowedFrontMatterKeys, todoWords, extraTodoPatterns, extraFillInPatterns, languages, shellCheck, alerts);
    }

    public RuleSettings withShellCheck(ShellCheck shellCheck) {
        return new RuleSettings(links, reviewEvery, allowedFrontMatterKeys, todoWords, extraTodoPatterns, extraFillInPatterns, shellLanguages, shellCheck, alerts);
    }

    public RuleSettings withAlerts(AlertSettings value) {
        return new RuleSettings(links, reviewEvery, allowedFrontMatterKeys, todoWords, extraTodoPatterns, extraFillInPatterns, shellLanguages, shellCheck, value);
    }

    public boolean isShell(String language) {
        return shellLanguages.contains(language);
    }
}
