package dev.runbook.validate;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What several rules derive from the same part of a page, made once per validation run and shared: a shell
 * fence's script, what it looks like and whether it parses are wanted by four command rules, and the bash
 * parse alone was a third of the rules' time when each rule made its own. Rules run in parallel; the first
 * to ask makes a fact and any other asking for the same one meanwhile waits for it.
 *
 * <p>Keys are the loaded model's own objects, compared by identity: they live as long as the run, and two
 * equal blocks on different pages stay apart (a fact may be placed by where its block is).
 */
public final class PageFacts {

    /** One kind of fact, named for debugging; each kind is kept apart, so making one fact may ask for another. */
    public static final class Kind<K, V> {

        private final String name;

        public Kind(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<Kind<?, ?>, Map<Identity, Object>> byKind = new ConcurrentHashMap<>();

    /** The {@code kind} fact about {@code key}: made by {@code make} the first time it is asked for in this run. */
    @SuppressWarnings("unchecked")
    public <K, V> V get(Kind<K, V> kind, K key, Function<? super K, ? extends V> make) {
        Map<Identity, Object> facts = byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        return (V) facts.computeIfAbsent(new Identity(key), identity -> Objects.requireNonNull(make.apply(key),
                () -> "no " + kind + " fact for " + key));
    }

    /** A key compared by identity. */
    private static final class Identity {

        private final Object key;

        Identity(Object key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}
