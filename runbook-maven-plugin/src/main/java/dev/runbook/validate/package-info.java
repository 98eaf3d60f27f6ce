/**
 * The validation stage. This package is what a rule sees: {@link dev.runbook.validate.Rule}, its
 * {@link dev.runbook.validate.ValidationContext}, the {@link dev.runbook.validate.FindingSink} and the one
 * {@link dev.runbook.validate.RuleSettings} record. One sub-package per subject holds the rules
 * ({@code links}, {@code commands}, {@code placeholders}, …); {@code run} holds the registry and the
 * {@code runbook:validate} run. May import {@code core}, {@code model}, {@code load}, {@code findings},
 * {@code status}, {@code alerts} (for the {@code alert.*} rules) and the smoke parser (for
 * {@code smoke.syntax}); never {@code site} or {@code report}.
 */
package dev.runbook.validate;
