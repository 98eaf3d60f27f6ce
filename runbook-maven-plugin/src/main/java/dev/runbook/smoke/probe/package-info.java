/**
 * The contract every smoke probe kind implements ({@link dev.runbook.smoke.probe.ProbeKind},
 * {@link dev.runbook.smoke.probe.ProbeSpec}) and what the kinds share at run time (observation, context,
 * allowlist refusals, host:port). May import {@code smoke.env} and {@code core}; never a kind, the parser or the runner.
 */
package dev.runbook.smoke.probe;
