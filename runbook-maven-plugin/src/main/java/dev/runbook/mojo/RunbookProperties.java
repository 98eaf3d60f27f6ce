package dev.runbook.mojo;

/** Every user property of the plugin reads {@code runbook.*}; the names live here once. */
final class RunbookProperties {

    static final String PREFIX = "runbook.";
    static final String SKIP = PREFIX + "skip";
    static final String CONTENT_DIRECTORY = PREFIX + "contentDirectory";
    static final String TEMPLATES_DIRECTORY = PREFIX + "templatesDirectory";

    private RunbookProperties() {
    }
}
