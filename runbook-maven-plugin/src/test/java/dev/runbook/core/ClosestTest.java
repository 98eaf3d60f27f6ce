package dev.runbook.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClosestTest {

    @Test
    void wordsSplitAtCaseChangesDigitsAndSeparators() {
        assertEquals(List.of("kube", "api", "down"), Closest.words("KubeAPIDown"));
        assertEquals(List.of("noo", "baa", "system", "capacity", "warning", "85"), Closest.words("NooBaaSystemCapacityWarning85"));
        assertEquals(List.of("etcd", "grpc", "requests", "slow"), Closest.words("etcdGRPCRequestsSlow"));
        assertEquals(List.of("node", "not", "ready"), Closest.words("node-not_ready"));
    }

    @Test
    void aMisspellingKeepsTheWordsAndMissesAtMostOneLetterInEach() {
        List<String> pages = List.of("KubeNodeNotReady", "KubePersistentVolumeFillingUp", "CephOSDNearFull", "CephPoolQuotaFull");
        assertEquals(Optional.of("KubeNodeNotReady"), Closest.misspelling("KubeNodeNotRedy", pages));
        assertEquals(Optional.of("KubeNodeNotReady"), Closest.misspelling("kubeNodeNotReady", pages));
        // A word more or less, or another word, is another alert: no hint (the corpus's three misleading ones).
        assertEquals(Optional.empty(), Closest.misspelling("KubePersistentVolumeInodesFillingUp", pages));
        assertEquals(Optional.empty(), Closest.misspelling("CephPoolNearFull", pages));
        // The plain bound still offers them, which is right for a renamed alert of a stale runbook.
        assertEquals(Optional.of("CephOSDNearFull"), Closest.to("CephPoolNearFull", pages));
    }

    @Test
    void oneWordNamesFallBackToTheEditDistanceBound() {
        assertEquals(Optional.of("failover"), Closest.misspelling("failovr", List.of("failover", "rollback")));
        assertEquals(Optional.of("kubenodenotready"), Closest.misspelling("kubenodenotredy", List.of("kubenodenotready")));
    }
}
