package dev.runbook.site.view;

/**
 * One validation finding as a page shows it to readers. The site shows findings so a reader knows what
 * the validator distrusts on the page they are following, not only CI.
 */
public record FindingView(String severity, int line, int column, String rule, String message, String hint) {
}
