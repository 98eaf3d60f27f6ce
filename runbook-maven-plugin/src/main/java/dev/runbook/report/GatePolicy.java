package dev.runbook.report;

import dev.runbook.model.RunbookSeverity;

import java.util.Set;

/**
 * What a release requires of the runbooks. A negative limit means "no limit".
 *
 * @param maxErrors          most error findings allowed (default 0)
 * @param maxWarnings        most warning findings allowed (default: no limit)
 * @param failOnFailingSmoke a runbook whose smoke checks fail blocks the release (default true)
 * @param maxOverdue         most runbooks allowed past their review date (default: no limit)
 * @param maxTodos           most {@code placeholder.todo} findings allowed (default: no limit; errors count them too)
 * @param requireVerifiedFor severities whose runbooks must be verified by a recent smoke run (e.g. P0, P1)
 */
public record GatePolicy(int maxErrors, int maxWarnings, boolean failOnFailingSmoke, int maxOverdue, int maxTodos,
                         Set<RunbookSeverity> requireVerifiedFor) {

    public static final int NO_LIMIT = -1;

    public GatePolicy {
        requireVerifiedFor = Set.copyOf(requireVerifiedFor);
    }

    public static GatePolicy defaults() {
        return new GatePolicy(0, NO_LIMIT, true, NO_LIMIT, NO_LIMIT, Set.of());
    }
}
