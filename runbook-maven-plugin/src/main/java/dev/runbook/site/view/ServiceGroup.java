package dev.runbook.site.view;

import java.util.List;

/** The index's runbooks of one service. */
public record ServiceGroup(String name, String id, List<RunbookView> runbooks) {

    public ServiceGroup {
        runbooks = List.copyOf(runbooks);
    }
}
