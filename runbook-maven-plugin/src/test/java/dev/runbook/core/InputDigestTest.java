package dev.runbook.core;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDigestTest {

    @TempDir
    Path dir;
    Path content;

    @BeforeEach
    void layOut() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Files.createDirectories(content.resolve("db"));
        Files.writeString(content.resolve("index.md"), "# Index\n");
        Files.writeString(content.resolve("db/failover.md"), "# Failover\n");
    }

    private String tree() throws IOException {
        return new InputDigest().addTree("content", content).hex();
    }

    @Test
    void keptBytesAreTheFilesBytesAndTheirHashAndChangeNothingInTheDigest() throws IOException {
        Files.writeString(content.resolve("big.md"), "x".repeat(100));
        Files.createSymbolicLink(content.resolve("alias.md"), content.resolve("index.md"));
        InputDigest.Tree plain = InputDigest.tree(content);
        InputDigest.Tree kept = InputDigest.tree(content, relative -> relative.endsWith(".md"), 50);
        assertEquals(plain.hex(), kept.hex(), "the digest does not depend on what is kept");
        InputDigest.FileBytes index = kept.take("index.md");
        assertEquals("# Index\n", new String(index.bytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(PageCacheFile.sha256(index.bytes()), index.sha256());
        assertEquals(null, kept.take("index.md"), "handed over once");
        assertEquals("# Index\n", new String(kept.take("alias.md").bytes(), java.nio.charset.StandardCharsets.UTF_8),
                "a link inside the folder is kept under its own name");
        assertEquals(null, kept.take("big.md"), "over maxBytes: not kept, the loader reads it");
        assertTrue(kept.take("db/failover.md") != null);
        assertEquals(null, plain.take("index.md"));
    }

    @Test
    void sameTreeSameDigest() throws IOException {
        assertEquals(tree(), tree());
    }

    @Test
    void anEditIsAChange() throws IOException {
        String before = tree();
        Files.writeString(content.resolve("db/failover.md"), "# Failover, edited\n");
        assertNotEquals(before, tree());
    }

    @Test
    void anEditKeepingTheSizeAndTheModificationTimeIsAChange() throws IOException {
        Path file = content.resolve("db/failover.md");
        FileTime stamp = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, stamp);
        String before = tree();
        Files.writeString(file, "# Failovex\n");
        Files.setLastModifiedTime(file, stamp); // touch -r
        assertNotEquals(before, tree(), "the digest reads what the loader reads, not the stamps");
    }

    @Test
    void touchingWithoutAnEditIsNoChange() throws IOException {
        Path file = content.resolve("index.md");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String before = tree();
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertEquals(before, tree(), "a file saved without edits changes no output");
    }

    @Test
    void aNewFileOfAnyKindIsAChange() throws IOException {
        String before = tree();
        Files.write(content.resolve("db/diagram.png"), new byte[]{1, 2, 3});
        assertNotEquals(before, tree(), "attachments are published too");
    }

    @Test
    void aDeletedOrRenamedFileIsAChange() throws IOException {
        String before = tree();
        Files.move(content.resolve("index.md"), content.resolve("start.md"));
        String renamed = tree();
        assertNotEquals(before, renamed);
        Files.delete(content.resolve("start.md"));
        assertNotEquals(renamed, tree());
    }

    @Test
    void versionControlAndNodeModulesAreIgnoredOtherHiddenFoldersCount() throws IOException {
        String before = tree();
        Files.createDirectories(content.resolve(".git"));
        Files.writeString(content.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(content.resolve("node_modules/x"));
        Files.writeString(content.resolve("node_modules/x/README.md"), "# x\n");
        assertEquals(before, tree());
        Files.createDirectories(content.resolve(".assets"));
        Files.write(content.resolve(".assets/diagram.png"), new byte[]{1});
        assertNotEquals(before, tree(), "a runbook may link an attachment in a hidden folder");
    }

    @Test
    void settingsAreDigestedTheSameWhateverTheSetOrMapOrder() {
        record Settings(java.util.Set<String> keys, java.util.Map<String, String> severities, java.util.regex.Pattern todo) {
        }
        Settings a = new Settings(java.util.Set.of("owner", "team", "tier", "slo"), java.util.Map.of("link.file", "off", "placeholder.todo", "error"),
                java.util.regex.Pattern.compile("XXX"));
        Settings b = new Settings(new java.util.LinkedHashSet<>(java.util.List.of("slo", "tier", "team", "owner")),
                new java.util.TreeMap<>(java.util.Map.of("placeholder.todo", "error", "link.file", "off")), java.util.regex.Pattern.compile("XXX"));
        assertEquals(InputDigest.canonical(a), InputDigest.canonical(b));
        assertEquals(new InputDigest().addSettings("s", a).hex(), new InputDigest().addSettings("s", b).hex());
        Settings c = new Settings(a.keys(), a.severities(), java.util.regex.Pattern.compile("XXX", java.util.regex.Pattern.CASE_INSENSITIVE));
        assertNotEquals(InputDigest.canonical(a), InputDigest.canonical(c));
    }

    @Test
    void aSymlinkInsideTheFolderCountsByItsTargetsContent() throws IOException {
        Files.createDirectories(content.resolve(".shared"));
        Path target = Files.writeString(content.resolve(".shared/shared.md"), "# Shared\n");
        Files.createSymbolicLink(content.resolve("db/shared.md"), Path.of("../.shared/shared.md"));
        String before = tree();
        Files.writeString(target, "# Shared, edited\n");
        assertNotEquals(before, tree());
    }

    @Test
    void aSymlinkLeavingTheFolderIsNeverFollowedAndCountsByWhereItPoints() throws IOException {
        Path outside = Files.writeString(dir.resolve("shared.md"), "# Shared\n");
        Path link = Files.createSymbolicLink(content.resolve("shared.md"), outside);
        String before = tree();
        Files.writeString(outside, "# Shared, edited\n");
        assertEquals(before, tree(), "the loader refuses the link, so its target is no input");
        Files.delete(link);
        Files.createSymbolicLink(link, dir.resolve("other.md"));
        assertNotEquals(before, tree(), "pointing it elsewhere is a change");
    }

    @Test
    void aContentFolderThatIsALinkIsWalkedWhereItLeads() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linked"), content);
        String before = new InputDigest().addTree("content", link).hex();
        Files.writeString(content.resolve("db/new.md"), "# New\n");
        assertNotEquals(before, new InputDigest().addTree("content", link).hex());
    }

    @Test
    void aLinkLoopInsideTheFolderEndsTheWalk() throws IOException {
        Files.createSymbolicLink(content.resolve("db/again"), Path.of(".."));
        assertEquals(tree(), tree(), "a loop is a value, not an endless walk or a unique digest");
    }

    @Test
    void aMissingFolderOrFileIsItsOwnValue() throws IOException {
        String missing = new InputDigest().addTree("content", dir.resolve("nope")).hex();
        String empty = new InputDigest().addTree("content", Files.createDirectories(dir.resolve("empty"))).hex();
        assertNotEquals(missing, empty);
        String noFile = new InputDigest().addFileContent("results", dir.resolve("none.json")).hex();
        String emptyFile = new InputDigest().addFileContent("results", Files.writeString(dir.resolve("e.json"), "")).hex();
        assertNotEquals(noFile, emptyFile);
    }

    @Test
    void fileContentIsHashedNotStamped() throws IOException {
        Path results = Files.writeString(dir.resolve("results.json"), "{\"pass\":1}");
        String before = new InputDigest().addFileContent("results", results).hex();
        Files.setLastModifiedTime(results, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(before, new InputDigest().addFileContent("results", results).hex());
        Files.writeString(results, "{\"pass\":2}");
        assertNotEquals(before, new InputDigest().addFileContent("results", results).hex());
    }

    @Test
    void aTreeFileModifiedWithinTheWindowMakesTheDigestRacyAnInstalledJarDoesNot() throws IOException {
        Instant now = Instant.now();
        InputDigest fresh = new InputDigest().addTree("content", content);
        assertTrue(fresh.modifiedSince(now.minus(InputDigest.RACY_WINDOW)), "files written by this test a moment ago");

        try (var files = Files.walk(content)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(now.minusSeconds(3600)));
            }
        }
        Path jar = Files.writeString(dir.resolve("plugin.jar"), "just installed");
        InputDigest settled = new InputDigest().addTree("content", content).addFileStamp("plugin", jar);
        assertFalse(settled.modifiedSince(now.minus(InputDigest.RACY_WINDOW)));
    }

    @Test
    void aTreeWalkedOnceDigestsAsTheFolderAndKeepsItsNewestModification() throws IOException {
        InputDigest.Tree tree = InputDigest.tree(content);
        assertEquals(new InputDigest().addTree("content", content).hex(), new InputDigest().addTree("content", tree).hex());
        Instant now = Instant.now();
        assertTrue(tree.modifiedSince(now.minus(InputDigest.RACY_WINDOW)));
        assertTrue(new InputDigest().addTree("content", tree).modifiedSince(now.minus(InputDigest.RACY_WINDOW)));
        assertFalse(tree.modifiedSince(now.plusSeconds(60)));
    }

    @Test
    void valuesAreLengthPrefixedAndNullIsDistinct() {
        assertNotEquals(new InputDigest().add("a", "bc").hex(), new InputDigest().add("ab", "c").hex());
        assertNotEquals(new InputDigest().add("a", null).hex(), new InputDigest().add("a", "null").hex());
    }
}
