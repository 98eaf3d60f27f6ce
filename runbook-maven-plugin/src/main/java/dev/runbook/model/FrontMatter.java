package dev.runbook.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * The typed front-matter of a runbook (see DESIGN.md §2). Every field is optional; absent values are
 * null (scalars) or empty (lists). {@code keyPositions} says where each key stood in the file so that
 * findings about a value can point at its line. {@code alerts} are the Prometheus alert names the runbook is
 * for ({@code alert: Name} or a list; {@code alert.orphan-runbook} checks them against the alert rules).
 */
public record FrontMatter(
        String title,
        String description,
        List<String> services,
        String owner,
        RunbookSeverity severity,
        List<String> tags,
        LocalDate lastReviewed,
        Period reviewEvery,
        List<String> aliases,
        boolean draft,
        Map<String, SourcePosition> keyPositions,
        List<String> alerts) {

    public static final FrontMatter EMPTY =
            new FrontMatter(null, null, List.of(), null, null, List.of(), null, null, List.of(), false, Map.of(), List.of());

    public FrontMatter {
        services = List.copyOf(services);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        keyPositions = Map.copyOf(keyPositions);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** Front-matter that names no alert. */
    public FrontMatter(String title, String description, List<String> services, String owner, RunbookSeverity severity,
                       List<String> tags, LocalDate lastReviewed, Period reviewEvery, List<String> aliases, boolean draft,
                       Map<String, SourcePosition> keyPositions) {
        this(title, description, services, owner, severity, tags, lastReviewed, reviewEvery, aliases, draft, keyPositions,
                List.of());
    }

    /** Where a key stood, or the top of the file when it is absent. */
    public SourcePosition positionOf(String key) {
        return keyPositions.getOrDefault(key, SourcePosition.START);
    }
}
