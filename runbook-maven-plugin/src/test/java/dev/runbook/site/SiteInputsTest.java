package dev.runbook.site;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteInputsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;
    Path site;
    SiteInputs record;

    @BeforeEach
    void publish() throws IOException {
        site = Files.createDirectories(dir.resolve("site"));
        Files.createDirectories(site.resolve("db"));
        Files.writeString(site.resolve("index.html"), "<h1>Runbooks</h1>");
        Files.writeString(site.resolve("db/failover.html"), "<h1>Failover</h1>");
        record = new SiteInputs(dir.resolve(SiteInputs.FILE_NAME));
    }

    private Optional<List<String>> check(String inputs, Instant now) {
        return record.upToDate(inputs, SiteInputs.outputDigestAsync(site), now);
    }

    @Test
    void upToDateWithTheSameInputsAndAnUntouchedSiteAndTheWarningsComeBack() throws IOException {
        record.remember("abc", site, null, List.of("db/x.md:3:1: warning [frontmatter.schema] bad", "line\nbreak = x"));
        assertEquals(Optional.of(List.of("db/x.md:3:1: warning [frontmatter.schema] bad", "line\nbreak = x")), check("abc", NOW));
    }

    @Test
    void otherInputsNeedABuild() throws IOException {
        record.remember("abc", site, null, List.of());
        assertTrue(check("abd", NOW).isEmpty());
    }

    @Test
    void aPageDeletedOrEditedByHandNeedsABuild() throws IOException {
        record.remember("abc", site, null, List.of());
        Files.writeString(site.resolve("db/failover.html"), "<h1>Failover</h1><p>hand edit</p>");
        assertTrue(check("abc", NOW).isEmpty());
        record.remember("abc", site, null, List.of());
        Files.delete(site.resolve("db/failover.html"));
        assertTrue(check("abc", NOW).isEmpty());
    }

    @Test
    void aMissingSiteNeedsABuild() throws IOException {
        record.remember("abc", site, null, List.of());
        Files.delete(site.resolve("db/failover.html"));
        Files.delete(site.resolve("db"));
        Files.delete(site.resolve("index.html"));
        Files.delete(site);
        assertTrue(check("abc", NOW).isEmpty());
    }

    @Test
    void aStatusThatAgesOutNeedsABuildFromThatInstantOn() throws IOException {
        Instant expiry = NOW.plusSeconds(3600);
        record.remember("abc", site, expiry, List.of());
        assertTrue(check("abc", NOW).isPresent());
        assertTrue(check("abc", expiry.minusNanos(1)).isPresent());
        assertTrue(check("abc", expiry).isEmpty());
        assertTrue(check("abc", expiry.plusSeconds(86_400)).isEmpty());
    }

    @Test
    void forgettingOrADamagedRecordNeedsABuild() throws IOException {
        record.remember("abc", site, null, List.of());
        record.forget();
        assertFalse(Files.exists(dir.resolve(SiteInputs.FILE_NAME)));
        assertTrue(check("abc", NOW).isEmpty());
        Files.writeString(dir.resolve(SiteInputs.FILE_NAME), "format=1\ninputs=abc\noutput=\\u12");
        assertTrue(check("abc", NOW).isEmpty());
        Files.writeString(dir.resolve(SiteInputs.FILE_NAME), "format=1\ninputs=abc\noutput=x\nstatusChangesAt=soon\n");
        assertTrue(check("abc", NOW).isEmpty());
    }

    @Test
    void theInputDigestCoversContentTemplatesAndPlugin() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("a.md"), "# A\n");
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path jar = Files.writeString(dir.resolve("plugin.jar"), "v1");
        String before = SiteInputs.digest(dev.runbook.core.InputDigest.tree(content), templates, jar).hex();
        assertEquals(before, SiteInputs.digest(dev.runbook.core.InputDigest.tree(content), templates, jar).hex());
        Files.writeString(templates.resolve("page.ftlh"), "<p>${title}</p>");
        String withTemplate = SiteInputs.digest(dev.runbook.core.InputDigest.tree(content), templates, jar).hex();
        assertFalse(before.equals(withTemplate), "a template override is an input");
        Files.writeString(jar, "v2, rebuilt");
        assertFalse(withTemplate.equals(SiteInputs.digest(dev.runbook.core.InputDigest.tree(content), templates, jar).hex()), "a rebuilt plugin is an input");
    }
}
