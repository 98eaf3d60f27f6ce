package dev.runbook.validate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageFactsTest {

    private record Block(String text) {
    }

    private static final PageFacts.Kind<Block, String> UPPER = new PageFacts.Kind<>("upper");
    private static final PageFacts.Kind<Block, Integer> LENGTH = new PageFacts.Kind<>("length");

    @Test
    void aFactIsMadeOnceEvenWhenManyThreadsAskAtOnce() throws Exception {
        PageFacts facts = new PageFacts();
        Block block = new Block("kubectl get pods");
        int threadCount = 8;
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch asking = new CountDownLatch(threadCount);
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < threadCount; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    asking.countDown();
                    return facts.get(UPPER, block, b -> {
                        made.incrementAndGet();
                        // The first maker waits until every thread has come to ask, so the others ask while it works.
                        awaitQuietly(asking);
                        return b.text().toUpperCase();
                    });
                }));
            }
            start.countDown();
            String first = answers.get(0).get(10, TimeUnit.SECONDS);
            for (Future<String> answer : answers) {
                assertSame(first, answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, made.get());
    }

    @Test
    void keysAreTheModelsObjectsNotEqualCopies() {
        PageFacts facts = new PageFacts();
        Block one = new Block("echo hi");
        Block equalCopy = new Block("echo hi");
        String fromOne = facts.get(UPPER, one, b -> new String(b.text().toUpperCase()));
        String fromCopy = facts.get(UPPER, equalCopy, b -> new String(b.text().toUpperCase()));
        assertEquals(fromOne, fromCopy);
        assertNotSame(fromOne, fromCopy);
        assertSame(fromOne, facts.get(UPPER, one, b -> "made again"));
    }

    @Test
    void kindsAreKeptApartAndOneFactMayAskForAnother() {
        PageFacts facts = new PageFacts();
        Block block = new Block("ls -la");
        int length = facts.get(LENGTH, block, b -> facts.get(UPPER, b, x -> x.text().toUpperCase()).length());
        assertEquals(6, length);
        assertEquals("LS -LA", facts.get(UPPER, block, b -> "not made"));
    }

    @Test
    void aRunHasFactsOfItsOwnAndOverOtherContentSharesThem() {
        ValidationContext run = new ValidationContext(null, null, null, null);
        ValidationContext other = new ValidationContext(null, null, null, null);
        assertNotSame(run.facts(), other.facts());
        assertSame(run.facts(), run.over(null).facts());
    }

    @Test
    void aFactThatCannotBeMadeIsNotKept() {
        PageFacts facts = new PageFacts();
        Block block = new Block("x");
        assertThrows(IllegalStateException.class, () -> facts.get(UPPER, block, b -> {
            throw new IllegalStateException("parser crashed");
        }));
        assertEquals("X", facts.get(UPPER, block, b -> b.text().toUpperCase()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other threads never came to ask");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
