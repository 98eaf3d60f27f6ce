package dev.runbook.site.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchDocumentsTest {

    @Test
    void readsFrontMatterFacts() {
        SearchDocument doc = SearchFixtures.doc("database/postgres-failover.md", SearchFixtures.POSTGRES);
        assertEquals("database/postgres-failover.html", doc.url());
        assertEquals("Postgres primary failover", doc.title());
        assertEquals("The primary Postgres is down; promote the synchronous replica with Patroni.", doc.description());
        assertEquals(List.of("postgres"), doc.services());
        assertEquals(List.of("database", "failover"), doc.tags());
        assertEquals("P1", doc.severity());
    }

    @Test
    void cutsSectionsAtHeadingsWithThePageAnchorsAndKeepsCodeAndTableText() {
        SearchDocument doc = SearchFixtures.doc("database/postgres-failover.md", SearchFixtures.POSTGRES);
        assertEquals(List.of("", "symptoms", "promote-the-replica"),
                doc.sections().stream().map(SearchDocument.Section::anchor).toList());
        SearchDocument.Section intro = doc.sections().get(0);
        assertEquals("", intro.heading());
        assertEquals("The main database is a three-node Patroni cluster.", intro.text(), "the H1 title is not body text");
        SearchDocument.Section promote = doc.sections().get(2);
        assertEquals("Promote the replica", promote.heading());
        assertTrue(promote.text().startsWith("Check the lag first, then promote: kubectl -n postgres exec"), promote.text());
        assertTrue(promote.text().contains("harbor-main-1 Sync Standby"), "table cells: " + promote.text());
        assertTrue(doc.sections().get(1).text().contains("PostgresPrimaryDown fires"), "inline code text kept");
    }

    @Test
    void explicitIdsAndPagesWithoutFrontMatter() {
        SearchDocument doc = SearchFixtures.doc("misc/plain.md", """
                Text first.

                ## Roll back {#rollback}

                Undo it.

                ### Step one

                Nested text.
                """);
        assertEquals("Plain", doc.title());
        assertNull(doc.severity());
        assertEquals("", doc.description());
        assertEquals(List.of("", "rollback", "step-one"), doc.sections().stream().map(SearchDocument.Section::anchor).toList());
        assertEquals("Roll back", doc.sections().get(1).heading());
        assertEquals("Nested text.", doc.sections().get(2).text());
    }
}
