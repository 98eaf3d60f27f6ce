/**
 * One sub-package per smoke probe kind (its parse, spec and probe), and {@link dev.runbook.smoke.kind.ProbeKinds},
 * the one list of them. A kind imports {@code smoke.probe} and {@code smoke.env}, never another kind.
 */
package dev.runbook.smoke.kind;
