package dev.runbook.smoke.env;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runbook.core.SetupException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@code runbook-environments.yaml} and picks one environment. Secrets are read only through the
 * given look-up (the process environment in production, a map in tests), never from the file.
 */
public final class EnvironmentsLoader {

    public static final String FILE_NAME = "runbook-environments.yaml";
    private static final Set<String> KEYS = Set.of("variables", "secrets", "allowed_hosts", "trust");

    private final Function<String, String> environmentVariables;

    public EnvironmentsLoader(Function<String, String> environmentVariables) {
        this.environmentVariables = environmentVariables;
    }

    /**
     * @param file the environments file; may be null or absent when the overrides define the environment
     * @param baseDirectory where relative {@code trust} paths of the overrides are resolved
     */
    public Environment load(Path file, String name, EnvironmentOverrides overrides, Path baseDirectory) throws SetupException {
        Map<String, String> variables = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        List<String> hosts = new ArrayList<>();
        List<Path> trust = new ArrayList<>();
        boolean found = false;
        Set<String> known = new TreeSet<>();
        if (file != null && Files.isRegularFile(file)) {
            JsonNode root = read(file);
            root.fieldNames().forEachRemaining(known::add);
            JsonNode env = root.get(name);
            if (env != null) {
                found = true;
                readEnvironment(file, name, env, variables, secrets, hosts, trust);
            }
        }
        if (!overrides.isEmpty()) {
            found = true;
            variables.putAll(overrides.variables());
            secrets.addAll(overrides.secrets());
            hosts.addAll(overrides.allowedHosts());
            for (String t : overrides.trust()) {
                trust.add(baseDirectory.resolve(t).normalize());
            }
        }
        if (!found) {
            throw new SetupException("no environment named '" + name + "'"
                    + (file != null && Files.isRegularFile(file) ? " in " + file + " (it defines: " + String.join(", ", known) + ")"
                    : ": " + (file == null ? FILE_NAME : file) + " does not exist and the plugin configuration defines none"));
        }
        for (String host : hosts) {
            String problem = HostAllowlist.problemWith(host);
            if (problem != null) {
                throw new SetupException("allowed_hosts of environment " + name + ": " + problem);
            }
        }
        for (Path t : trust) {
            if (!Files.isRegularFile(t)) {
                throw new SetupException("trust file " + t + " of environment " + name + " does not exist "
                        + "(trust paths are relative to the environments file)");
            }
        }
        Map<String, String> secretValues = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String secret : secrets) {
            String value = environmentVariables.apply(secret);
            if (value == null || value.isEmpty()) {
                missing.add(secret);
            } else {
                secretValues.put(secret, value);
            }
            variables.remove(secret);
        }
        return new Environment(name, variables, secretValues, missing, new HostAllowlist(hosts), trust);
    }

    private static JsonNode read(Path file) throws SetupException {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.newBufferedReader(file));
            if (root == null || root.isMissingNode() || root.isNull()) {
                return new ObjectMapper().createObjectNode();
            }
            if (!root.isObject()) {
                throw new SetupException(file + ": expected a mapping of environment names, e.g. staging: { variables: … }");
            }
            return root;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new SetupException(file + where + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SetupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readEnvironment(Path file, String name, JsonNode env, Map<String, String> variables, Set<String> secrets,
                                        List<String> hosts, List<Path> trust) throws SetupException {
        if (!env.isObject()) {
            throw new SetupException(file + ": environment " + name + " must be a mapping with variables, secrets, allowed_hosts, trust");
        }
        for (Iterator<String> it = env.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new SetupException(file + ": environment " + name + " has unknown key '" + key
                        + "' (known: variables, secrets, allowed_hosts, trust)");
            }
        }
        JsonNode vars = env.path("variables");
        if (!vars.isMissingNode() && !vars.isNull()) {
            if (!vars.isObject()) {
                throw new SetupException(file + ": " + name + ".variables must be a mapping of name: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw new SetupException(file + ": " + name + ".variables." + e.getKey() + " must be a plain value");
                }
                variables.put(e.getKey(), e.getValue().asText());
            }
        }
        secrets.addAll(strings(file, name, env, "secrets"));
        hosts.addAll(strings(file, name, env, "allowed_hosts"));
        Path dir = file.toAbsolutePath().getParent();
        for (String t : strings(file, name, env, "trust")) {
            trust.add(dir.resolve(t).normalize());
        }
    }

    private static List<String> strings(Path file, String name, JsonNode env, String key) throws SetupException {
        JsonNode node = env.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SetupException(file + ": " + name + "." + key + " must be a list, e.g. " + key + ": [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isValueNode()) {
                throw new SetupException(file + ": " + name + "." + key + " must list plain values");
            }
            out.add(item.asText());
        }
        return out;
    }
}
