/**
 * The smoke stage: parses the {@code smoke} blocks of the runbooks, runs their probes against one
 * environment's allowlisted hosts, and writes the results. May import {@code core}, {@code model},
 * {@code load}, {@code status} and {@code secrets}; never {@code validate}, {@code site} or {@code report}.
 */
package dev.runbook.smoke;
