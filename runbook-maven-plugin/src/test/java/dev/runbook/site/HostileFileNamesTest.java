package dev.runbook.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.OutputRoot;
import dev.runbook.findings.Finding;
import dev.runbook.load.ContentLoader;
import dev.runbook.load.LoadedContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File names chosen by an attacker (issue #14): backslashes, control characters, newlines, '..' parts.
 * Whatever the names, nothing is written or deleted outside the site, and each bad name is a finding at
 * {@code file:1:1} that says what is wrong and how to rename.
 */
class HostileFileNamesTest {

    /** Names legal on Linux that would resolve outside the site if '\' were read as a separator. */
    private static final List<String> HOSTILE = List.of(
            "..\\..\\..\\..\\hostile-escaped.md",
            "..\\..\\victim.md",
            "db\\failover.md",
            "line\nbreak.md",
            "tab\there.md",
            "bell\u0007.md",
            "sub\\..\\..\\folder/inside.md");

    @TempDir
    Path dir;
    Path project;
    SiteFixture site;

    @BeforeEach
    void layOut() throws IOException {
        // Deep enough that four '..' from the site's staging folder still land inside the temporary folder.
        project = Files.createDirectories(dir.resolve("a/b/c/project"));
        site = new SiteFixture(project);
        Files.writeString(project.resolve("victim.html"), "the project's own page");
        Files.writeString(dir.resolve("a/b/hostile-escaped.html"), "a file four levels up");
        for (String name : HOSTILE) {
            Path file = site.content.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Hostile\n\nbody\n");
        }
        site.write("ok.md", "---\naliases: ['..\\\\..\\\\alias-escaped.md', \"new\\nline.md\"]\n---\n# OK\n\n"
                + "![x](..\\..\\victim.html)\n");
    }

    @Test
    void badNamesAreFindingsAtLineOneAndGetNoPage() throws Exception {
        LoadedContent content = new ContentLoader().load(site.content);
        assertEquals(List.of("ok.md"), content.runbooks().stream().map(r -> r.relativePath()).toList());
        assertEquals(HOSTILE.size(), content.findings().size(), content.findings().toString());
        for (Finding finding : content.findings()) {
            assertEquals(ContentLoader.RULE_UNREADABLE, finding.ruleId());
            assertEquals(1, finding.line());
            assertEquals(1, finding.column());
            assertTrue(finding.message().contains("it was not read and gets no page"), finding.message());
            assertTrue(finding.hint().startsWith("rename it"), finding.hint());
            assertFalse(finding.toConsoleLine().contains("\n"), "one line per finding: " + finding.toConsoleLine());
        }
        assertTrue(content.findings().stream().anyMatch(f -> f.file().equals("..\\..\\victim.md")
                && f.message().contains("backslash")), content.findings().toString());
    }

    @Test
    void nothingOutsideTheSiteIsWrittenOrDeleted() throws Exception {
        Map<String, String> before = outsideTheBuildFolder();
        site.build();
        assertEquals(before, outsideTheBuildFolder(), "no file outside target/ was written, changed or deleted");
        assertTrue(Files.isRegularFile(site.site().resolve("ok.html")));
        assertTrue(site.log.stream().anyMatch(l -> l.contains("alias '..\\\\..\\\\alias-escaped.md' has a backslash")
                || l.contains("alias '..\\..\\alias-escaped.md' has a backslash")), site.log.toString());
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            assertEquals(List.of("runbook-site", "runbook-site-state.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }

        // The files go; an incremental build cleans up, still only inside the site.
        for (String name : HOSTILE) {
            Files.delete(site.content.resolve(name));
        }
        site.build();
        assertEquals(before.keySet().stream().filter(k -> !k.startsWith("a/b/c/project/content/")).toList(),
                outsideTheBuildFolder().keySet().stream().filter(k -> !k.startsWith("a/b/c/project/content/")).toList());
        assertEquals("the project's own page", Files.readString(project.resolve("victim.html")));
    }

    @Test
    void aTamperedManifestCannotDeleteOutsideTheSite() throws Exception {
        site.build();
        Path state = project.resolve("target/runbook-site-state.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(state.toFile());
        ObjectNode gone = json.createObjectNode().put("hash", "x").put("page", "../../victim.html");
        ((ObjectNode) manifest.get("pages")).set("gone.md", gone);
        ((ArrayNode) manifest.get("generated")).add("../../../hostile-escaped.html").add("/etc/hostname").add("..\\..\\victim.html");
        Files.writeString(state, json.writeValueAsString(manifest));
        Map<String, String> before = outsideTheBuildFolder();

        site.write("ok.md", "# OK, edited\n");
        site.build();
        assertEquals(before.keySet(), outsideTheBuildFolder().keySet(), "nothing outside was deleted");
        assertEquals("the project's own page", Files.readString(project.resolve("victim.html")));
        assertTrue(site.page("ok.html").contains("OK, edited"));
    }

    @Test
    void aLinkPlantedInTheOutputIsNotFollowedByTheNextBuild() throws Exception {
        site.write("db/page.md", "# Page\n");
        site.build();
        Path outside = Files.createDirectories(project.resolve("outside"));
        Path db = site.site().resolve("db");
        for (Path file : Files.list(db).toList()) {
            Files.delete(file);
        }
        Files.delete(db);
        Files.createSymbolicLink(db, outside);

        site.write("db/page.md", "# Page, edited\n");
        site.build();
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(0, files.count(), "nothing was written through the planted link");
        }
        assertFalse(Files.isSymbolicLink(site.site().resolve("db")));
        assertTrue(site.page("db/page.html").contains("Page, edited"));
    }

    @Test
    void theOutputRootRefusesEveryPathThatLeavesIt() throws Exception {
        OutputRoot root = new OutputRoot(Files.createDirectories(project.resolve("out")));
        for (String bad : List.of("../x.html", "a/../../x.html", "/etc/passwd", "a\\..\\..\\x.html", "a/\nb.html",
                "", "a//b.html", "./a.html", "a/.")) {
            assertThrows(IOException.class, () -> root.forWriting(bad), bad);
            assertFalse(root.deleteIfInside(bad), bad);
        }
        Files.createSymbolicLink(root.root().resolve("link"), project);
        IOException refused = assertThrows(IOException.class, () -> root.forWriting("link/victim.html"));
        assertTrue(refused.getMessage().contains("leads outside"), refused.getMessage());
        assertFalse(root.deleteIfInside("link/victim.html"));
        assertTrue(Files.exists(project.resolve("victim.html"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(root.root().resolve("db/ok.html"), root.forWriting("db/ok.html"));
    }

    /** Every file of the temporary folder outside the project's build folder, with its text. */
    private Map<String, String> outsideTheBuildFolder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path target = project.resolve("target");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> !p.startsWith(target) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
