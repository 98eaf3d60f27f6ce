package dev.runbook.validate.links.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Good results of earlier checks ({@code target/runbook/link-cache.json}), trusted for {@code ttl}, so a
 * rebuild does not hammer the same servers. Failures are never cached: a broken link is checked again
 * every run, so fixing it (or the server coming back) shows at once. A corrupt file is ignored.
 */
public final class LinkCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(Instant checkedAt, String movedTo) {
    }

    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new TreeMap<>();

    private LinkCache(Path file, Duration ttl, Clock clock) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
    }

    public static LinkCache load(Path file, Duration ttl, Clock clock) {
        LinkCache cache = new LinkCache(file, ttl, clock);
        if (ttl.isZero() || ttl.isNegative() || !Files.isRegularFile(file)) {
            return cache;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode urls = root.path("urls");
            for (Iterator<Map.Entry<String, JsonNode>> it = urls.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Instant at = Instant.parse(e.getValue().path("checkedAt").asText());
                JsonNode moved = e.getValue().get("movedTo");
                cache.entries.put(e.getKey(), new Entry(at, moved == null || moved.isNull() ? null : moved.asText()));
            }
        } catch (IOException | RuntimeException e) {
            cache.entries.clear(); // A damaged cache only costs a re-check.
        }
        return cache;
    }

    public synchronized Optional<CheckResult> lookup(String url) {
        Entry entry = entries.get(url);
        if (entry == null || entry.checkedAt().plus(ttl).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(CheckResult.ok(url, entry.movedTo()));
    }

    public synchronized void record(CheckResult result) {
        if (result.outcome() == CheckResult.Outcome.OK) {
            entries.put(result.url(), new Entry(clock.instant(), result.movedTo()));
        } else {
            entries.remove(result.url());
        }
    }

    /** Writes the live entries (expired ones dropped) atomically. */
    public synchronized void save() throws IOException {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode urls = root.putObject("urls");
        Instant now = clock.instant();
        entries.forEach((url, entry) -> {
            if (!entry.checkedAt().plus(ttl).isBefore(now)) {
                ObjectNode node = urls.putObject(url);
                node.put("checkedAt", entry.checkedAt().toString());
                if (entry.movedTo() != null) {
                    node.put("movedTo", entry.movedTo());
                }
            }
        });
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
