/**
 * The release report ({@code runbook:report}): reads the findings and smoke results the other goals left,
 * applies the release policy and writes report.json and report.html. May import {@code core},
 * {@code model}, {@code load}, {@code findings}, {@code status} and the site's theme, views and page paths (the report looks like the site); never {@code validate}
 * or {@code smoke}.
 */
package dev.runbook.report;
