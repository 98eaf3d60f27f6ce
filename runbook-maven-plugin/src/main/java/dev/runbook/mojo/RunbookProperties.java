package dev.runbook.mojo;

/**
 * Every user property of the plugin reads {@code runbook.*}; the names live here once. A goal's own
 * setting reads {@code runbook.<goal>.<name>}; a setting several goals share reads {@code runbook.<name>}
 * (and a rule group's, {@code runbook.links.*} / {@code runbook.frontMatter.*}). Names that changed are
 * kept in {@link #DEPRECATED} and still read, with a warning (see {@link PropertyAliases}).
 */
final class RunbookProperties {

    static final String PREFIX = "runbook.";
    static final String SKIP = PREFIX + "skip";
    static final String VALIDATE_SKIP = PREFIX + "validate.skip";
    static final String SITE_SKIP = PREFIX + "site.skip";
    static final String SMOKE_SKIP = PREFIX + "smoke.skip";
    static final String REPORT_SKIP = PREFIX + "report.skip";
    static final String SERVE_SKIP = PREFIX + "serve.skip";
    static final String CONTENT_DIRECTORY = PREFIX + "contentDirectory";
    static final String TEMPLATES_DIRECTORY = PREFIX + "templatesDirectory";
    static final String AS_OF = PREFIX + "asOf";
    static final String REVIEW_EVERY = PREFIX + "reviewEvery";
    static final String INCLUDES = PREFIX + "includes";
    static final String EXCLUDES = PREFIX + "excludes";
    static final String FRONT_MATTER_ALIASES = PREFIX + "frontMatter.aliases";
    static final String ENV = PREFIX + "env";
    static final String SMOKE_ENVIRONMENTS_FILE = PREFIX + "smoke.environmentsFile";
    static final String SMOKE_VARIABLES = PREFIX + "smoke.variables";
    static final String SMOKE_SECRETS = PREFIX + "smoke.secrets";
    static final String SMOKE_ALLOWED_HOSTS = PREFIX + "smoke.allowedHosts";
    static final String SMOKE_TRUST = PREFIX + "smoke.trust";
    static final String OFFLINE = PREFIX + "offline";
    static final String ALERT_RULES = PREFIX + "alertRules";
    static final String ALERT_RUNBOOK_BASES = PREFIX + "alertRunbookBases";
    static final String VALIDATE = PREFIX + "validate.";
    static final String VALIDATE_FAIL_ON = VALIDATE + "failOn";
    static final String VALIDATE_BASELINE = VALIDATE + "baseline";
    static final String VALIDATE_SEVERITIES = VALIDATE + "severities";
    static final String VALIDATE_TODO_PATTERNS = VALIDATE + "todoPatterns";
    static final String VALIDATE_FILL_IN_PATTERNS = VALIDATE + "fillInPatterns";
    static final String VALIDATE_SHELL_LANGUAGES = VALIDATE + "shellLanguages";
    static final String VALIDATE_SHELLCHECK = VALIDATE + "shellcheck";
    static final String VALIDATE_SHELLCHECK_PATH = VALIDATE + "shellcheckPath";
    static final String VALIDATE_SHELLCHECK_EXCLUDE = VALIDATE + "shellcheckExclude";
    static final String LINKS = PREFIX + "links.";
    static final String SMOKE_FAIL_BUILD = PREFIX + "smoke.failBuild";
    static final String SMOKE_CONCURRENCY = PREFIX + "smoke.concurrency";
    static final String SMOKE_DEADLINE = PREFIX + "smoke.deadline";
    static final String SMOKE_ALLOW_SKIPPED = PREFIX + "smoke.allowSkipped";
    static final String SMOKE_MAX_AGE = PREFIX + "smoke.maxAge";
    static final String REPORT = PREFIX + "report.";
    static final String REPORT_BASELINE = REPORT + "baseline";
    static final String REPORT_FAIL_BUILD = REPORT + "failBuild";
    static final String REPORT_MAX_ERRORS = REPORT + "maxErrors";
    static final String REPORT_MAX_WARNINGS = REPORT + "maxWarnings";
    static final String REPORT_MAX_TODOS = REPORT + "maxTodos";
    static final String REPORT_MAX_OVERDUE = REPORT + "maxOverdue";
    static final String REPORT_FAIL_ON_FAILING_SMOKE = REPORT + "failOnFailingSmoke";
    static final String REPORT_REQUIRE_VERIFIED_FOR = REPORT + "requireVerifiedFor";

    /** Old name → the name that replaced it. Each old name is still read, with a warning naming the new one. */
    static final java.util.Map<String, String> DEPRECATED = java.util.Map.of(
            PREFIX + "failOn", VALIDATE_FAIL_ON,
            PREFIX + "baseline", VALIDATE_BASELINE,
            PREFIX + "shellcheck", VALIDATE_SHELLCHECK,
            PREFIX + "shellcheckPath", VALIDATE_SHELLCHECK_PATH,
            PREFIX + "environmentsFile", SMOKE_ENVIRONMENTS_FILE);

    private RunbookProperties() {
    }
}
