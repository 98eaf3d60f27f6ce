package dev.runbook.alerts;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookBasesTest {

    private static RunbookBases bases() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("https://github.com/acme/runbooks/blob/main/", ".");
        map.put("https://runbooks.example.org/runbooks/", "./alerts/");
        map.put("https://runbooks.example.org/", "site");
        return new RunbookBases(map);
    }

    @Test
    void fileViewUrlsNameTheFileExactly() {
        RunbookBases.Target t = bases().resolve("https://github.com/acme/runbooks/blob/main/alerts/db/DiskFull.md#check-it?x=1");
        assertFalse(t.external());
        assertFalse(t.caseInsensitive());
        assertEquals(List.of("alerts/db/DiskFull.md"), t.candidates());
        assertEquals("check-it?x=1", t.fragment());
        assertEquals(List.of("alerts/README.md"), bases().resolve("https://github.com/acme/runbooks/blob/main/alerts/").candidates());
    }

    @Test
    void siteUrlsMayEndInSlashHtmlOrNothingAndCompareCaseInsensitively() {
        RunbookBases.Target t = bases().resolve("https://runbooks.example.org/runbooks/db/diskfull/?utm=x#Steps");
        assertTrue(t.caseInsensitive());
        assertEquals(List.of("alerts/db/diskfull.md", "alerts/db/diskfull/index.md", "alerts/db/diskfull/_index.md",
                "alerts/db/diskfull/README.md"), t.candidates());
        assertEquals("Steps", t.fragment());
        assertEquals("alerts/db/diskfull.md", bases().resolve("https://runbooks.example.org/runbooks/db/diskfull.html").candidates().get(0));
        assertEquals("alerts/db/disk full.md", bases().resolve("https://runbooks.example.org/runbooks/db/disk%20full").candidates().get(0));
    }

    @Test
    void theLongestPrefixWinsAndOtherUrlsAreExternal() {
        assertEquals("site/about.md", bases().resolve("https://runbooks.example.org/about").candidates().get(0));
        assertTrue(bases().resolve("https://etcd.io/docs/maintenance/#defrag").external());
        assertNull(bases().resolve("https://etcd.io/x").base());
    }

    @Test
    void onlyHttpUrlsAreUrls() {
        assertTrue(RunbookBases.isUrl("https://x.example/a"));
        assertFalse(RunbookBases.isUrl("NA"));
        assertFalse(RunbookBases.isUrl("{{ $labels.url }}"));
    }
}
