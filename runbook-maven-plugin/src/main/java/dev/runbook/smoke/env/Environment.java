package dev.runbook.smoke.env;

import dev.runbook.secrets.Redactor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chosen environment with its secrets already read from the process environment.
 *
 * @param secretValues   secret name → value, for the secrets that are set
 * @param missingSecrets secret names listed but not set; a check that uses one fails without sending anything
 * @param trustFiles     extra PEM certificates trusted for this environment only (absolute paths)
 * @param redactor       the run's one redactor: masks every secret value of this environment, and every value
 *                       registered while the run goes on ({@link Redactor#register}, e.g. captured values)
 */
public record Environment(String name, Map<String, String> variables, Map<String, String> secretValues,
                          Set<String> missingSecrets, HostAllowlist allowedHosts, List<Path> trustFiles, Redactor redactor) {

    public Environment(String name, Map<String, String> variables, Map<String, String> secretValues,
                       Set<String> missingSecrets, HostAllowlist allowedHosts, List<Path> trustFiles) {
        this(name, variables, secretValues, missingSecrets, allowedHosts, trustFiles, new Redactor(secretValues.values()));
    }

    public Environment {
        variables = Map.copyOf(variables);
        secretValues = Map.copyOf(secretValues);
        missingSecrets = Set.copyOf(missingSecrets);
        trustFiles = List.copyOf(trustFiles);
    }


    public Placeholders placeholders() {
        return new Placeholders(this);
    }
}
