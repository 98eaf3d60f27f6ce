package dev.runbook.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SluggerTest {

    @Test
    void lowerCasesAndTurnsSpacesIntoDashes() {
        assertEquals("promote-the-replica", Slugger.slugOf("Promote the replica"));
    }

    @Test
    void dropsPunctuationButKeepsUnderscoresAndDashes() {
        assertEquals("step-2-drain-nodes-carefully", Slugger.slugOf("Step 2: drain nodes (carefully)!"));
        assertEquals("snake_case-and-kebab-case", Slugger.slugOf("snake_case and kebab-case"));
        assertEquals("whats-new--changed", Slugger.slugOf("What's new — changed"));
    }

    @Test
    void keepsNonAsciiLettersAndMarks() {
        assertEquals("déploiement-échoué", Slugger.slugOf("Déploiement échoué"));
        assertEquals("日本語の見出し", Slugger.slugOf("日本語の見出し"));
        assertEquals("straße", Slugger.slugOf("Straße"));
    }

    @Test
    void repeatedHeadingsGetNumberedLikeGitHub() {
        Slugger slugger = new Slugger();
        assertEquals("rollback", slugger.next("Rollback"));
        assertEquals("rollback-1", slugger.next("Rollback"));
        assertEquals("rollback-2", slugger.next("Rollback"));
    }

    @Test
    void aGeneratedDuplicateSuffixDoesNotCollideWithARealHeading() {
        Slugger slugger = new Slugger();
        assertEquals("a", slugger.next("a"));
        assertEquals("a-1", slugger.next("a"));
        assertEquals("a-1-1", slugger.next("a-1"));
    }

    @Test
    void reservedIdsAreSkipped() {
        Slugger slugger = new Slugger();
        slugger.reserve("mitigation");
        assertEquals("mitigation-1", slugger.next("Mitigation"));
    }
}
