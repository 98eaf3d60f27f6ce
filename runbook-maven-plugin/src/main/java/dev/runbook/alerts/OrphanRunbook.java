package dev.runbook.alerts;

/**
 * A runbook for an alert that no rule defines.
 *
 * @param runbook   the runbook's path in the content folder
 * @param alertName the alert it is for: its {@code alert:} front-matter value, or its file name
 * @param declared  true when the front-matter names the alert, false when only the file name does
 * @param closest   an alert of a similar name, or null
 */
public record OrphanRunbook(String runbook, String alertName, boolean declared, String closest) {
}
