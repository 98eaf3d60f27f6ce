package dev.runbook.mojo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a parameter's old user property when only the old name was given, and says which name replaced
 * it; also parses the property form of map parameters ({@code k=v,k2=v2}). Maven binds a parameter to
 * one property, so the old names ({@link RunbookProperties#DEPRECATED}) are looked up here.
 */
final class PropertyAliases {

    private final Function<String, String> properties;
    private final Consumer<String> warn;

    /**
     * @param properties the user's properties (-D, then the project's), null when a name is not set
     * @param warn       where the deprecation warning goes
     */
    PropertyAliases(Function<String, String> properties, Consumer<String> warn) {
        this.properties = Objects.requireNonNull(properties);
        this.warn = Objects.requireNonNull(warn);
    }

    /**
     * The value under a deprecated name of {@code property}, when the user set that old name and neither
     * the new name nor the POM configuration ({@code bound} differs from {@code defaultValue}); else
     * {@code bound}.
     */
    String value(String property, String bound, String defaultValue) {
        if (properties.apply(property) != null || !Objects.equals(bound, defaultValue)) {
            return bound;
        }
        for (Map.Entry<String, String> alias : RunbookProperties.DEPRECATED.entrySet()) {
            if (alias.getValue().equals(property)) {
                String old = properties.apply(alias.getKey());
                if (old != null) {
                    warn.accept("runbook: the property " + alias.getKey() + " is deprecated; use " + property
                            + " (read this time as " + property + "=" + old + ")");
                    return old;
                }
            }
        }
        return bound;
    }

    /**
     * A map parameter's property form, {@code k=v,k2=v2} (blank entries ignored), added to the POM's map;
     * a property entry overrides the POM's entry of the same key.
     *
     * @throws IllegalArgumentException naming the entry without {@code =}
     */
    static Map<String, String> mergeMap(String property, Map<String, String> fromPom, String propertyValue) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fromPom != null) {
            out.putAll(fromPom);
        }
        for (String entry : split(propertyValue)) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(property + ": '" + entry
                        + "' is not key=value; write e.g. -D" + property + "=a=1,b=2");
            }
            out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return out;
    }

    /** The comma-separated entries of a property value, stripped, blanks dropped. */
    static List<String> split(String propertyValue) {
        List<String> out = new ArrayList<>();
        if (propertyValue == null) {
            return out;
        }
        for (String part : propertyValue.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
