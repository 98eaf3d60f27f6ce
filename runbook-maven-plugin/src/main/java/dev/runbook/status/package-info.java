/**
 * Each runbook's status (verified, failing, unverified; review due) as the site and the release report show
 * it; the smoke stage supplies one backed by its results. May import {@code core} and {@code model}.
 */
package dev.runbook.status;
