/**
 * Plumbing every stage shares: atomic file writes, input digests and up-to-date records, the build date,
 * the run log, the two exception kinds, and {@link dev.runbook.core.OutputLayout}, the names of the files
 * goals pass each other under {@code target/}. Imports nothing from {@code dev.runbook}.
 */
package dev.runbook.core;
