package dev.runbook.smoke.env;

import java.util.List;
import java.util.Map;

/**
 * Environment settings from the plugin configuration. They extend (variables: override) the entry of the
 * same name in the environments file, or define the environment when the file has none.
 */
public record EnvironmentOverrides(Map<String, String> variables, List<String> secrets, List<String> allowedHosts,
                                   List<String> trust) {

    public static final EnvironmentOverrides NONE = new EnvironmentOverrides(Map.of(), List.of(), List.of(), List.of());

    public EnvironmentOverrides {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        trust = trust == null ? List.of() : List.copyOf(trust);
    }

    public boolean isEmpty() {
        return variables.isEmpty() && secrets.isEmpty() && allowedHosts.isEmpty() && trust.isEmpty();
    }
}
