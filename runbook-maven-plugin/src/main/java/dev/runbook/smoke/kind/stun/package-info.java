/**
 * The STUN family: {@code stun} (an RFC 5389 binding request) and {@code turn} (an RFC 5766 allocation,
 * a STUN usage with the same framing), two kinds in one folder because they share the hand-written STUN
 * message code ({@link dev.runbook.smoke.kind.stun.StunClient}) and a kind never imports another kind.
 */
package dev.runbook.smoke.kind.stun;
