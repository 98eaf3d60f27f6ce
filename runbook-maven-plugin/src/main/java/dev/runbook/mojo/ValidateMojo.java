package dev.runbook.mojo;

import dev.runbook.core.RunbookProblemException;
import dev.runbook.core.SetupException;
import dev.runbook.core.time.Durations;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.run.ValidateOptions;
import dev.runbook.validate.run.ValidationRun;
import dev.runbook.validate.commands.ShellCheckBinary;
import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.validate.LinkStyle;
import dev.runbook.validate.RetryPolicy;
import dev.runbook.validate.policy.FailOn;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks the runbooks (links, anchors, front-matter, review dates and the content rules), writes
 * {@code target/runbook/findings.json}, {@code findings.sarif} and
 * {@code target/runbook-reports/TEST-runbook-validate.xml}, and fails the build when findings at or above
 * {@code failOn} remain. See docs/validate.md.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractRunbookMojo {

    /** Skips {@code runbook:validate} only; {@code runbook.skip} skips every goal. */
    @Parameter(property = RunbookProperties.VALIDATE_SKIP, defaultValue = "false")
    boolean skipValidate;

    @Override
    protected boolean goalSkipped() {
        return skipValidate;
    }

    @Override
    protected String goalSkipProperty() {
        return RunbookProperties.VALIDATE_SKIP;
    }

    /**
     * Lowest severity that fails the build: {@code error}, {@code warning} or {@code none}. The old property
     * {@code runbook.failOn} is still read, with a warning.
     */
    @Parameter(property = RunbookProperties.VALIDATE_FAIL_ON, defaultValue = FAIL_ON_DEFAULT)
    String failOn;

    static final String FAIL_ON_DEFAULT = "error";

    /**
     * Per-rule level, e.g. {@code <link.external>warning</link.external>}; levels: off, warning, error.
     * On the command line use {@code severitiesProperty}.
     */
    @Parameter
    Map<String, String> severities;

    /**
     * The property form of {@code severities}: {@code rule=level} pairs, comma-separated, e.g.
     * {@code -Drunbook.validate.severities=link.external=warning,command.prompt=off}; an entry overrides the
     * POM's entry for the same rule.
     */
    @Parameter(property = RunbookProperties.VALIDATE_SEVERITIES)
    String severitiesProperty;

    /**
     * A findings.json from an earlier run: the findings in it are accepted, only new ones fail. The old
     * property {@code runbook.baseline} is still read, with a warning.
     */
    @Parameter(property = RunbookProperties.VALIDATE_BASELINE)
    File baseline;

    /** Skip the network: external links are not checked. Maven's offline mode ({@code mvn -o}) implies it. */
    @Parameter(property = RunbookProperties.OFFLINE, defaultValue = "false")
    boolean offline;

    /** The plugin's own version, from its descriptor: SARIF names it as the tool's version. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;


    /** Time to open a connection to a linked server. */
    @Parameter(property = RunbookProperties.LINKS + "connectTimeout", defaultValue = "10s")
    String linksConnectTimeout;

    /** Time to wait for a response's bytes. */
    @Parameter(property = RunbookProperties.LINKS + "readTimeout", defaultValue = "20s")
    String linksReadTimeout;

    /** Budget for one URL, retries and redirects included. */
    @Parameter(property = RunbookProperties.LINKS + "timeout", defaultValue = "60s")
    String linksTimeout;

    /** URLs checked at once. */
    @Parameter(property = RunbookProperties.LINKS + "concurrency", defaultValue = "8")
    int linksConcurrency;

    /** Requests in flight to one host at once. */
    @Parameter(property = RunbookProperties.LINKS + "perHost", defaultValue = "2")
    int linksPerHost;

    /** Minimum time between two requests to one host. */
    @Parameter(property = RunbookProperties.LINKS + "hostSpacing", defaultValue = "200ms")
    String linksHostSpacing;

    /** Tries per URL on 429/503 (the first included). */
    @Parameter(property = RunbookProperties.LINKS + "maxAttempts", defaultValue = "3")
    int linksMaxAttempts;

    /** Regular expressions; a URL matching any of them is not checked. */
    @Parameter(property = RunbookProperties.LINKS + "excludes")
    List<String> linksExcludes;

    /** How long a good result stays in target/runbook/link-cache.json; 0 disables the cache. */
    @Parameter(property = RunbookProperties.LINKS + "cacheTtl", defaultValue = "1d")
    String linksCacheTtl;

    /**
     * How relative links between pages are read: {@code site} (default; {@code page} and {@code page.html}
     * find {@code page.md}, as the generated site serves them) or {@code github} (only what GitHub's file view
     * opens: {@code page#step} without {@code .md} is reported).
     */
    @Parameter(property = RunbookProperties.LINKS + "style", defaultValue = "site")
    String linksStyle;

    /** Also check loopback, private and example hosts (skipped by default). */
    @Parameter(property = RunbookProperties.LINKS + "checkPrivate", defaultValue = "false")
    boolean linksCheckPrivate;

    /** Front-matter keys another tool reads (e.g. Hugo's weight); they are not reported as unknown. Comma-separated as a property. */
    @Parameter(property = RunbookProperties.PREFIX + "frontMatter.allowedKeys")
    List<String> frontMatterAllowedKeys;

    /**
     * Further regular expressions reported as {@code placeholder.todo} (e.g. {@code \\bWIP\\b}). As a
     * property, comma-separated (a pattern that contains a comma goes in the POM).
     */
    @Parameter(property = RunbookProperties.VALIDATE_TODO_PATTERNS)
    List<String> todoPatterns;

    /**
     * Further regular expressions reported as {@code placeholder.fill-in} (e.g. {@code <team-name>}). As a
     * property, comma-separated (a pattern that contains a comma goes in the POM).
     */
    @Parameter(property = RunbookProperties.VALIDATE_FILL_IN_PATTERNS)
    List<String> fillInPatterns;

    /** Fence languages parsed as shell; default bash, sh, shell, zsh and console. Comma-separated as a property. */
    @Parameter(property = RunbookProperties.VALIDATE_SHELL_LANGUAGES)
    List<String> shellLanguages;

    /**
     * ShellCheck for {@code command.shellcheck}: {@code auto} runs it when it is installed, {@code on} requires
     * it (the build fails when it is missing), {@code off} never runs it. The old property
     * {@code runbook.shellcheck} is still read, with a warning.
     */
    @Parameter(property = RunbookProperties.VALIDATE_SHELLCHECK, defaultValue = SHELLCHECK_DEFAULT)
    String shellcheck;

    static final String SHELLCHECK_DEFAULT = "auto";

    /**
     * The ShellCheck executable; default: {@code shellcheck} on the PATH. The old property
     * {@code runbook.shellcheckPath} is still read, with a warning.
     */
    @Parameter(property = RunbookProperties.VALIDATE_SHELLCHECK_PATH)
    File shellcheckPath;

    /**
     * ShellCheck codes never reported; default SC2154, SC2034, SC1090, SC1091, SC2164, SC2155, SC2317 (see
     * docs/validate.md). Giving the list replaces the default; comma-separated as a property.
     */
    @Parameter(property = RunbookProperties.VALIDATE_SHELLCHECK_EXCLUDE)
    List<String> shellcheckExclude;

    @Override
    protected void run() throws RunbookProblemException, SetupException, IOException {
        PropertyAliases aliases = aliases();
        String failOnValue = aliases.value(RunbookProperties.VALIDATE_FAIL_ON, failOn, FAIL_ON_DEFAULT);
        String baselineValue = aliases.value(RunbookProperties.VALIDATE_BASELINE,
                baseline == null ? null : baseline.getPath(), null);
        Map<String, String> levels;
        try {
            levels = PropertyAliases.mergeMap(RunbookProperties.VALIDATE_SEVERITIES, severities, severitiesProperty);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage());
        }
        new ValidationRun(runLog()).run(new ValidateOptions(contentRoot(), baseDirectory(), buildPath(), buildDate(),
                FailOn.parse(failOnValue), levels, baselineValue == null ? null : baseDirectory().resolve(baselineValue),
                ruleSettings(aliases), pluginVersion(), loadOptions()));
    }

    /** Every rule's configuration, each parameter's error named after that parameter. */
    private RuleSettings ruleSettings(PropertyAliases aliases) throws SetupException {
        RetryPolicy defaults = RetryPolicy.defaults();
        LinkCheckSettings links = LinkCheckSettings.defaults()
                .withOffline(offline())
                .withTimeouts(Durations.duration(RunbookProperties.LINKS + "connectTimeout", linksConnectTimeout),
                        Durations.duration(RunbookProperties.LINKS + "readTimeout", linksReadTimeout),
                        Durations.duration(RunbookProperties.LINKS + "timeout", linksTimeout))
                .withConcurrency(Math.max(1, linksConcurrency), Math.max(1, linksPerHost),
                        Durations.duration(RunbookProperties.LINKS + "hostSpacing", linksHostSpacing))
                .withRetry(new RetryPolicy(Math.max(1, linksMaxAttempts), defaults.baseBackoff(), defaults.maxWait()))
                .withExcludes(patterns(RunbookProperties.LINKS + "excludes", linksExcludes))
                .withCacheTtl(Durations.duration(RunbookProperties.LINKS + "cacheTtl", linksCacheTtl))
                .withCheckPrivate(linksCheckPrivate)
                .withStyle(linkStyle());
        RuleSettings settings = RuleSettings.defaults()
                .withLinks(links)
                .withReviewEvery(reviewSchedule().defaultInterval())
                .withAllowedFrontMatterKeys(frontMatterAllowedKeys == null ? Set.of() : new HashSet<>(frontMatterAllowedKeys))
                .withExtraTodoPatterns(patterns("todoPatterns (" + RunbookProperties.VALIDATE_TODO_PATTERNS + ")", todoPatterns))
                .withExtraFillInPatterns(patterns("fillInPatterns (" + RunbookProperties.VALIDATE_FILL_IN_PATTERNS + ")", fillInPatterns))
                .withShellCheck(shellCheckSettings(aliases))
                .withAlerts(alertSettings());
        if (shellLanguages != null && !shellLanguages.isEmpty()) {
            settings = settings.withShellLanguages(new HashSet<>(shellLanguages));
        }
        return settings;
    }

    private RuleSettings.ShellCheck shellCheckSettings(PropertyAliases aliases) throws SetupException {
        RuleSettings.ShellCheck.Mode mode;
        try {
            mode = RuleSettings.ShellCheck.parseMode(aliases.value(RunbookProperties.VALIDATE_SHELLCHECK, shellcheck, SHELLCHECK_DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new SetupException(RunbookProperties.VALIDATE_SHELLCHECK + ": " + e.getMessage());
        }
        String path = aliases.value(RunbookProperties.VALIDATE_SHELLCHECK_PATH,
                shellcheckPath == null ? null : shellcheckPath.getPath(), null);
        RuleSettings.ShellCheck settings = new RuleSettings.ShellCheck(mode,
                path == null ? null : baseDirectory().resolve(path),
                shellcheckExclude == null ? RuleSettings.ShellCheck.DEFAULT_EXCLUDE
                        : shellcheckExclude.stream().filter(c -> c != null && !c.isBlank()).collect(Collectors.toSet()));
        if (mode == RuleSettings.ShellCheck.Mode.ON && ShellCheckBinary.locate(settings).isEmpty()) {
            throw new SetupException(ShellCheckBinary.missingMessage(settings));
        }
        return settings;
    }

    private LinkStyle linkStyle() throws SetupException {
        try {
            return LinkStyle.parse(linksStyle);
        } catch (IllegalArgumentException e) {
            throw new SetupException("linksStyle (" + RunbookProperties.LINKS + "style): " + e.getMessage());
        }
    }

    /** {@code runbook.offline}, or Maven itself offline ({@code mvn -o}): no external link is fetched then. */
    private boolean offline() {
        if (!offline && session != null && session.isOffline()) {
            getLog().info("runbook: Maven is offline (-o), so runbook.offline=true");
            return true;
        }
        return offline;
    }

    private String pluginVersion() {
        if (pluginVersion != null && !pluginVersion.isBlank()) {
            return pluginVersion;
        }
        String fromJar = getClass().getPackage().getImplementationVersion();
        return fromJar == null ? "unknown" : fromJar;
    }

    /** @param parameter the parameter's name as the user wrote it, for the error message */
    private static List<Pattern> patterns(String parameter, List<String> regexes) throws SetupException {
        List<Pattern> out = new ArrayList<>();
        if (regexes == null) {
            return out;
        }
        for (String regex : regexes) {
            if (regex == null || regex.isBlank()) {
                continue;
            }
            try {
                out.add(Pattern.compile(regex.strip()));
            } catch (PatternSyntaxException e) {
                throw new SetupException(parameter + ": '" + regex + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        return out;
    }
}
