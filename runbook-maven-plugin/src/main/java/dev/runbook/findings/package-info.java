/**
 * What validation reports: a {@link dev.runbook.findings.Finding}, its severity and fingerprint, the
 * report of one run and {@link dev.runbook.findings.RuleInfo} (what reports know of a rule). Its
 * {@code io} package writes and reads findings.json, SARIF, JUnit XML and the console block. May import
 * {@code core} and {@code model} only.
 */
package dev.runbook.findings;
