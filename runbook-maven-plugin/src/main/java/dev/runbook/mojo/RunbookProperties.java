package dev.runbook.mojo;

/** Every user property of the plugin reads {@code runbook.*}; the names live here once. */
final class RunbookProperties {

    static final String PREFIX = "runbook.";
    static final String SKIP = PREFIX + "skip";
    static final String CONTENT_DIRECTORY = PREFIX + "contentDirectory";
    static final String TEMPLATES_DIRECTORY = PREFIX + "templatesDirectory";
    static final String REVIEW_EVERY = PREFIX + "reviewEvery";
    static final String ENV = PREFIX + "env";
    static final String SMOKE_ENVIRONMENTS_FILE = PREFIX + "environmentsFile";
    static final String SMOKE_FAIL_BUILD = PREFIX + "smoke.failBuild";
    static final String SMOKE_CONCURRENCY = PREFIX + "smoke.concurrency";
    static final String SMOKE_DEADLINE = PREFIX + "smoke.deadline";
    static final String SMOKE_MAX_AGE = PREFIX + "smoke.maxAge";

    private RunbookProperties() {
    }
}
