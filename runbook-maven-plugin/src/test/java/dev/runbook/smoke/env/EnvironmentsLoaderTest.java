package dev.runbook.smoke.env;

import dev.runbook.core.SetupException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentsLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("runbook-environments.yaml"), yaml);
    }

    private static Environment load(Path file, String name, Map<String, String> env) throws SetupException {
        return new EnvironmentsLoader(env::get).load(file, name, EnvironmentOverrides.NONE, file.getParent());
    }

    @Test
    void readsVariablesSecretsFromTheProcessEnvironmentAndTrustRelativeToTheFile() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/ca.pem"), new HeldCertificate.Builder().certificateAuthority(0).build().certificatePem());
        Path f = file("""
                staging:
                  variables: { api: "https://api.staging.example.com", port: 8443 }
                  secrets: [STAGING_TOKEN, UNSET_TOKEN]
                  allowed_hosts: ["*.staging.example.com", "10.0.0.5:5432"]
                  trust: [certs/ca.pem]
                demo:
                  variables: { api: "http://127.0.0.1:1" }
                """);
        Environment e = load(f, "staging", Map.of("STAGING_TOKEN", "tok-123456"));
        assertEquals(Map.of("api", "https://api.staging.example.com", "port", "8443"), e.variables());
        assertEquals(Map.of("STAGING_TOKEN", "tok-123456"), e.secretValues());
        assertEquals(Set.of("UNSET_TOKEN"), e.missingSecrets());
        assertEquals(List.of(dir.resolve("certs/ca.pem").toAbsolutePath().normalize()), e.trustFiles());
        assertEquals("Bearer tok-123456 at https://api.staging.example.com", e.placeholders().resolve("Bearer {{STAGING_TOKEN}} at {{ api }}"));
        var missing = assertThrows(Placeholders.UnresolvedException.class, () -> e.placeholders().resolve("{{UNSET_TOKEN}}"));
        assertTrue(missing.getMessage().contains("secret UNSET_TOKEN is not set"), missing.getMessage());
        var unknown = assertThrows(Placeholders.UnresolvedException.class, () -> e.placeholders().resolve("{{nope}}"));
        assertTrue(unknown.getMessage().contains("unknown placeholder {{nope}}"), unknown.getMessage());
        assertEquals("•••", e.redactor().redact("tok-123456"));
    }

    @Test
    void allowlistMatchesExactHostsWildcardsAndPorts() {
        HostAllowlist a = new HostAllowlist(List.of("*.staging.example.com", "api.example.com", "127.0.0.1:47801", "[::1]:9000"));
        assertTrue(a.allows("a.staging.example.com", 443));
        assertTrue(a.allows("x.y.staging.example.com", 443));
        assertFalse(a.allows("staging.example.com", 443), "the suffix itself is not below it");
        assertFalse(a.allows("evilstaging.example.com", 443));
        assertFalse(a.allows("a.staging.example.com.evil.io", 443));
        assertTrue(a.allows("API.example.com", 80));
        assertTrue(a.allows("api.example.com.", 80), "a trailing dot names the same host");
        assertTrue(a.allows("127.0.0.1", 47801));
        assertFalse(a.allows("127.0.0.1", 47802));
        assertTrue(a.allows("::1", 9000));
        assertTrue(a.allowsHost("127.0.0.1"));
        assertFalse(new HostAllowlist(List.of()).allows("localhost", 80), "no allowlist allows nothing");
    }

    @Test
    void mistakesAreSetupErrorsNamingTheFile() throws Exception {
        Path f = file("staging:\n  variables: { api: x }\n  allowed_host: [a]\n");
        SetupException unknownKey = assertThrows(SetupException.class, () -> load(f, "staging", Map.of()));
        assertTrue(unknownKey.getMessage().contains("unknown key 'allowed_host'"), unknownKey.getMessage());
        SetupException noEnv = assertThrows(SetupException.class, () -> load(f, "prod", Map.of()));
        assertTrue(noEnv.getMessage().contains("no environment named 'prod'") && noEnv.getMessage().contains("staging"), noEnv.getMessage());
        Path bad = file("staging: [\n");
        assertTrue(assertThrows(SetupException.class, () -> load(bad, "staging", Map.of())).getMessage().contains("not valid YAML"));
        Path noTrust = file("staging:\n  trust: [missing.pem]\n");
        assertTrue(assertThrows(SetupException.class, () -> load(noTrust, "staging", Map.of())).getMessage().contains("missing.pem"));
        Path badHost = file("staging:\n  allowed_hosts: [\"https://x.example.com/\"]\n");
        assertTrue(assertThrows(SetupException.class, () -> load(badHost, "staging", Map.of())).getMessage().contains("allowed_hosts"));
    }

    @Test
    void pluginConfigurationExtendsOrDefinesTheEnvironment() throws Exception {
        Path f = file("staging:\n  variables: { api: a, other: b }\n  allowed_hosts: [a.example.com]\n");
        Environment merged = new EnvironmentsLoader(Map.<String, String>of()::get).load(f, "staging",
                new EnvironmentOverrides(Map.of("api", "override"), List.of(), List.of("b.example.com"), List.of()), dir);
        assertEquals("override", merged.variables().get("api"));
        assertEquals("b", merged.variables().get("other"));
        assertTrue(merged.allowedHosts().allows("b.example.com", 443));
        assertTrue(merged.allowedHosts().allows("a.example.com", 443));
        Environment onlyPom = new EnvironmentsLoader(Map.<String, String>of()::get).load(dir.resolve("absent.yaml"), "ci",
                new EnvironmentOverrides(Map.of("api", "x"), List.of(), List.of("x.example.com"), List.of()), dir);
        assertEquals("ci", onlyPom.name());
    }
}
