package dev.runbook.site.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTokenizerTest {

    @Test
    void lowerCasesAndSplitsOnEverythingButLettersAndDigits() {
        assertEquals(List.of("api", "gateway", "5xx", "spike", "p1"), SearchTokenizer.terms("API-Gateway: 5xx spike (P1)"));
        // "postgres" stems to "postgr": harmless, both sides do it, and prefixes still find it.
        assertEquals(List.of("kubectl", "n", "postgr", "exec", "harbor", "main", "1"),
                SearchTokenizer.terms("kubectl -n postgres exec harbor-main-1"));
    }

    @Test
    void stemsWithSnowballEnglishSoWordFormsMeet() {
        assertEquals(List.of("alert", "replica", "polici", "address", "status", "process", "analysi", "k8s", "dns"),
                SearchTokenizer.terms("alerts replicas policies addresses status process analysis k8s dns"));
        assertEquals(SearchTokenizer.terms("certificate"), SearchTokenizer.terms("Certificates"));
        // The pairs the plural-only stemmer kept apart (issue #16).
        assertEquals(SearchTokenizer.terms("block blocks"), SearchTokenizer.terms("blocking blocked"));
        assertEquals(SearchTokenizer.terms("restore"), SearchTokenizer.terms("restoring"));
        assertEquals(SearchTokenizer.terms("restart"), SearchTokenizer.terms("restarted"));
        assertEquals(List.of("generous", "generat"), SearchTokenizer.terms("generously generate"),
                "Porter2's special R1 for gener-");
        assertEquals(List.of("add", "hop", "sky", "news"), SearchTokenizer.terms("added hopping skies news"),
                "Snowball's exceptions");
    }

    @Test
    void keepsUnicodeLettersAndNormalizesCompatibilityForms() {
        assertEquals(List.of("café", "file", "größe", "日本語"),
                SearchTokenizer.terms("Café ﬁle Größe 日本語"));
        // Decomposed é (e + combining accent) is the same term as the precomposed one.
        assertEquals(SearchTokenizer.terms("café"), SearchTokenizer.terms("cafe\u0301"));
    }

    @Test
    void dropsLongNumbersNobodyTypesButKeepsLongWordsForQueries() {
        assertEquals(List.of("commit", "3f9a0c2d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0aaaaa", "12345678"),
                SearchTokenizer.terms("commit 3f9a0c2d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0aaaaa 12345678 123456789"));
        // The index keeps words of at most 40 characters whole; longer camel-case words go in by their parts.
        String alert = "KubePersistentVolumeInodesFillingUpPredictedSoon"; // 48 characters
        assertEquals(List.of("commit", "kube", "persist", "volum", "inod", "fill", "up", "predict", "soon"),
                SearchTokenizer.indexTerms("commit 3f9a0c2d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0aaaaa 123456789 " + alert));
    }

    @Test
    void stopWordsAreRecognisedButIncidentWordsAreNot() {
        assertTrue(SearchTokenizer.isStopWord("the"));
        assertEquals(List.of("restart", "servic"), SearchTokenizer.indexTerms("the restart of the service"),
                "stop words stay out of the index, matched as typed, before stemming");
        for (String kept : List.of("down", "not", "no", "up", "off")) {
            assertTrue(!SearchTokenizer.isStopWord(kept), kept);
        }
    }

    @Test
    void camelCaseWordsAreAlsoIndexedByTheirParts() {
        assertEquals(List.of("HTTP", "Server", "Down"), SearchTokenizer.camelParts("HTTPServerDown"));
        assertEquals(List.of("postgres", "Primary"), SearchTokenizer.camelParts("postgresPrimary"));
        assertEquals(List.of("k8s"), SearchTokenizer.camelParts("k8s"));
        assertEquals(List.of("kubeletdown", "see", "kubelet", "down"), SearchTokenizer.indexTerms("KubeletDown see"));
        assertEquals(List.of("kubeletdown"), SearchTokenizer.terms("KubeletDown"), "queries are not split");
    }

    @Test
    void postingsCodecRoundTrips() {
        int[] docs = {0, 1, 31, 32, 1023, 1024, 99_999, 1_000_000};
        String encoded = PostingsCodec.encodeDocs(docs);
        int[] gaps = PostingsCodec.decode(encoded);
        int doc = 0;
        for (int i = 0; i < docs.length; i++) {
            doc += gaps[i];
            assertEquals(docs[i], doc);
        }
        assertEquals(1, PostingsCodec.encodeDocs(new int[]{31}).length());
        assertEquals(2, PostingsCodec.encodeDocs(new int[]{32}).length());
    }
}
