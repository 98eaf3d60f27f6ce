package dev.runbook.core;

import java.nio.file.Path;

/**
 * Every file under the build folder that one goal writes and another reads, named in one place.
 * {@code runbook/} holds the machine-readable results of validate, smoke and report; {@code runbook-reports/}
 * holds the Surefire-shaped XML that CI test views pick up. A stage's private caches
 * ({@code link-cache.json}, {@code shellcheck-cache/}, up-to-date records) live in {@link #workDirectory()}
 * too, but are named by the stage that owns them, since no other goal reads them.
 *
 * @param buildDirectory the project's build folder ({@code target/})
 */
public record OutputLayout(Path buildDirectory) {

    public static final String FINDINGS_JSON = "findings.json";
    public static final String FINDINGS_SARIF = "findings.sarif";
    public static final String VALIDATE_JUNIT_XML = "TEST-runbook-validate.xml";
    public static final String SMOKE_RESULTS_JSON = "smoke-results.json";
    public static final String SMOKE_JUNIT_XML = "TEST-runbook-smoke.xml";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";
    /** The release report rendered for the site root; {@code runbook:site} publishes it as {@code report.html}. */
    public static final String REPORT_SITE_HTML = "report-site.html";
    /** What the release report was made from, so the site publishes only a current one. */
    public static final String REPORT_INPUTS = "report-inputs.txt";
    public static final String SITE_DIRECTORY = "runbook-site";

    /** {@code target/runbook}: findings, smoke results and the release report. */
    public Path workDirectory() {
        return buildDirectory.resolve("runbook");
    }

    /** {@code target/runbook-reports}: the JUnit XML files. */
    public Path reportsDirectory() {
        return buildDirectory.resolve("runbook-reports");
    }

    /** Written by validate; read by report, site and as a later run's baseline. */
    public Path findingsJson() {
        return workDirectory().resolve(FINDINGS_JSON);
    }

    /** Written by validate for code-scanning UIs. */
    public Path findingsSarif() {
        return workDirectory().resolve(FINDINGS_SARIF);
    }

    public Path validateJUnitXml() {
        return reportsDirectory().resolve(VALIDATE_JUNIT_XML);
    }

    /** Written by smoke; read by site, report and the status of every page. */
    public Path smokeResultsJson() {
        return workDirectory().resolve(SMOKE_RESULTS_JSON);
    }

    public Path smokeJUnitXml() {
        return reportsDirectory().resolve(SMOKE_JUNIT_XML);
    }

    /** Written by report; the next release's baseline. */
    public Path reportJson() {
        return workDirectory().resolve(REPORT_JSON);
    }

    public Path reportHtml() {
        return workDirectory().resolve(REPORT_HTML);
    }

    /** Written by report; read and published by site. */
    public Path reportSiteHtml() {
        return workDirectory().resolve(REPORT_SITE_HTML);
    }

    /** Written by report; read by site. */
    public Path reportInputs() {
        return workDirectory().resolve(REPORT_INPUTS);
    }

    /**
     * {@code target/runbook/cache/page-models.bin}: the loader's page cache (each file's parsed model, keyed by
     * the hash of its bytes), shared by validate and site. Deleting it (or {@code target/}) only costs time.
     */
    public Path pageModelCache() {
        return workDirectory().resolve("cache").resolve("page-models.bin");
    }

    /** {@code target/runbook/cache/page-findings.bin}: validate's cache of each page's per-page rule findings. */
    public Path pageFindingsCache() {
        return workDirectory().resolve("cache").resolve("page-findings.bin");
    }

    /** {@code target/runbook/cache/search-sections.bin}: the site's cache of each page's search text. */
    public Path searchSectionsCache() {
        return workDirectory().resolve("cache").resolve("search-sections.bin");
    }

    /** Where site builds by default; the standalone report links to it. */
    public Path siteDirectory() {
        return buildDirectory.resolve(SITE_DIRECTORY);
    }
}
