/**
 * Redaction of secret values, the one place every output that may carry one passes through. Imports
 * nothing from {@code dev.runbook}.
 */
package dev.runbook.secrets;
