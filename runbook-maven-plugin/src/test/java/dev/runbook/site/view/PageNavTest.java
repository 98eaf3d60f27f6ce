package dev.runbook.site.view;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A page's hash takes its navigation through {@link PageNav#hashKey}: any change of a field is a change. */
class PageNavTest {

    @Test
    void everyFieldCountsAndEqualNavsGiveEqualKeys() {
        TagLink a = new TagLink("A", "a.html");
        List<PageNav> navs = List.of(
                new PageNav(List.of("ops", "a.md"), null, null, null, null),
                new PageNav(List.of("ops/a.md"), null, null, null, null),
                new PageNav(List.of("ops", "b.md"), null, null, null, null),
                new PageNav(List.of("ops", "a.md"), "https://e/ops/a.md", null, null, null),
                new PageNav(List.of("ops", "a.md"), null, "2026-11-01", null, null),
                new PageNav(List.of("ops", "a.md"), null, null, a, null),
                new PageNav(List.of("ops", "a.md"), null, null, null, a),
                new PageNav(List.of("ops", "a.md"), null, null, new TagLink("A2", "a.html"), null),
                new PageNav(List.of("ops", "a.md"), null, null, new TagLink("A", "a2.html"), null),
                new PageNav(List.of("ops", "a.md"), null, null, new TagLink(null, "a.html"), null),
                new PageNav(List.of("ops", "a.md"), null, null, new TagLink("A", null), null),
                new PageNav(List.of("ops", "a.md"), null, null, a, a),
                new PageNav(List.of("ops", "a.md"), "", null, null, null),
                new PageNav(List.of("ops", "a.md"), null, "", null, null));
        Set<String> keys = new HashSet<>();
        for (PageNav nav : navs) {
            keys.add(nav.hashKey());
            assertEquals(nav.hashKey(), new PageNav(nav.sourceSegments(), nav.editUrl(), nav.lastChanged(),
                    nav.previous(), nav.next()).hashKey());
        }
        assertEquals(navs.size(), keys.size(), "every nav has its own key");
    }

    /** A field added to PageNav must go into hashKey(), or pages would not render again when it changes. */
    @Test
    void theKeyListsEveryComponent() {
        assertEquals(List.of("sourceSegments", "editUrl", "lastChanged", "previous", "next"),
                java.util.Arrays.stream(PageNav.class.getRecordComponents()).map(c -> c.getName()).toList(),
                "PageNav changed: add the new component to hashKey() and to this list");
        assertEquals(List.of("name", "url"),
                java.util.Arrays.stream(TagLink.class.getRecordComponents()).map(c -> c.getName()).toList(),
                "TagLink changed: add the new component to PageNav.hashKey() and to this list");
    }
}
