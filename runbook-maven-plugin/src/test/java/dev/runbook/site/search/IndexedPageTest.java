package dev.runbook.site.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The search cache counts a page again when its facts change: their key must tell any two lists of facts apart. */
class IndexedPageTest {

    private static SearchDocument doc(String title, String description, List<String> services, List<String> tags,
                                      String severity, String alert) {
        return new SearchDocument("p.html", title, description, services, tags, severity, List.of(), alert, null, false);
    }

    @Test
    void differentFactsNeverShareAKeyAndEqualFactsAlwaysDo() {
        List<SearchDocument> docs = new ArrayList<>();
        List<String> texts = new ArrayList<>(Arrays.asList("null", "[\"a\"]", ",", "é", null));
        texts.addAll(strings("a:1[-", 3)); // every string of up to 3 of the characters the key itself uses
        for (String title : texts) {
            for (String description : texts) {
                if (title != null && description != null) {
                    docs.add(doc(title, description, List.of(), List.of(), null, ""));
                }
            }
        }
        List<List<String>> lists = List.of(List.of(), List.of(""), List.of("a"), List.of("b"), List.of("a", "b"),
                List.of("ab"), List.of("a,b"), List.of("1:a"), List.of("", ""), List.of("a", ""), List.of("0["));
        for (List<String> services : lists) {
            for (List<String> tags : lists) {
                docs.add(doc("t", "d", services, tags, null, ""));
            }
        }
        for (String severity : texts) {
            for (String alert : texts) {
                if (alert != null) {
                    docs.add(doc("t", "d", List.of(), List.of(), severity, alert));
                }
            }
        }
        Map<String, SearchDocument> byKey = new HashMap<>();
        for (SearchDocument d : docs) {
            SearchDocument earlier = byKey.putIfAbsent(IndexedPage.factsKey(d), d);
            if (earlier != null) {
                assertEquals(facts(earlier), facts(d), "two different lists of facts share the key " + IndexedPage.factsKey(d));
            }
            assertEquals(IndexedPage.factsKey(d), IndexedPage.factsKey(doc(d.title(), d.description(),
                    new ArrayList<>(d.services()), new ArrayList<>(d.tags()), d.severity(), d.alert())));
        }
        assertNotEquals(IndexedPage.factsKey(doc("t", "d", List.of(), List.of(), null, "")),
                IndexedPage.factsKey(doc("t", "d", List.of(), List.of(), "null", "")), "a missing severity is not the word null");
    }

    private static List<String> strings(String alphabet, int maxLength) {
        List<String> out = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            out.addAll(next);
            previous = next;
        }
        return out;
    }

    private static List<Object> facts(SearchDocument d) {
        return Arrays.asList(d.title(), d.description(), d.services(), d.tags(), d.severity(), d.alert());
    }
}
