package dev.runbook.mojo;

/** Every user property of the plugin reads {@code runbook.*}; the names live here once. */
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
    static final String ENV = PREFIX + "env";
    static final String SMOKE_ENVIRONMENTS_FILE = PREFIX + "environmentsFile";
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

    private RunbookProperties() {
    }
}
