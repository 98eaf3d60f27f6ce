/**
 * The site stage: renders the loaded runbooks, their status and last findings into a static site
 * ({@code render} for Markdown to safe HTML, {@code view} for template models, {@code layout} for page
 * paths, {@code search} for the index). Reads other goals' files only through
 * {@link dev.runbook.core.OutputLayout}. May import {@code core}, {@code model}, {@code load},
 * {@code findings}, {@code status} and {@code alerts} (the alert panels and {@code alerts.html}); never
 * {@code validate}, {@code smoke} or {@code report}.
 */
package dev.runbook.site;
