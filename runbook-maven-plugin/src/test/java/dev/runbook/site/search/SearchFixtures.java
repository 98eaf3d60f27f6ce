package dev.runbook.site.search;

import dev.runbook.load.ContentLoader;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourceText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small hand-written runbooks, and a generator of many synthetic ones for the sharding tests. */
final class SearchFixtures {

    private SearchFixtures() {
    }

    static final String POSTGRES = """
            ---
            title: Postgres primary failover
            description: The primary Postgres is down; promote the synchronous replica with Patroni.
            service: postgres
            severity: P1
            tags: [database, failover]
            ---
            # Postgres primary failover

            The main database is a three-node Patroni cluster.

            ## Symptoms

            - `PostgresPrimaryDown` fires for more than 1 minute.
            - Widespread 5xx from every service.

            ## Promote the replica

            Check the lag first, then promote:

            ```bash
            kubectl -n postgres exec harbor-main-1 -- patronictl failover --candidate harbor-main-1
            ```

            | Member | Role |
            |---|---|
            | harbor-main-0 | Leader |
            | harbor-main-1 | Sync Standby |
            """;

    static final String TLS = """
            ---
            title: TLS certificate expiry at the edge
            description: A certificate served by the edge proxy expires soon or has expired.
            service: edge
            severity: P2
            tags: [tls, certificates]
            ---
            # TLS certificate expiry at the edge

            ## Symptoms

            Browsers show a certificate warning; `CertificateExpiringSoon` alerts. The backlog of renewals grows.
            Renewal backlog is visible in cert-manager; a long backlog means the issuer is slow.

            ## Renew the certificate

            ```bash
            cmctl renew edge-tls -n edge
            ```
            """;

    static final String GATEWAY = """
            ---
            title: API gateway 5xx error spike
            service: api
            severity: P1
            tags: [api]
            ---
            # API gateway 5xx error spike

            ## Diagnosis

            If every upstream fails at once, the database may be down: see the Postgres failover runbook.
            A failover of the database causes a short spike of 5xx.
            """;

    static final String REFUND = """
            ---
            title: Refund backlog
            description: Refunds queue up faster than the worker drains them.
            service: payments
            severity: P3
            tags: [queue, payments]
            ---
            # Refund backlog

            ## Check the worker

            The worker calls the bank over mutual TLS; an expired client certificate stops it.
            Check the certificate with `openssl`; a certificate rotation fixes it. Certificate details are in the vault.
            """;

    static final String SEARCH_REBUILD = """
            ---
            title: Search index rebuild
            service: search
            severity: P4
            tags: [elasticsearch]
            ---
            Intro text before any heading.

            ## Rebuild

            Run the reindex job; it takes about an hour.
            """;

    static Runbook runbook(String relativePath, String markdown) {
        return ContentLoader.parse(relativePath, Path.of(relativePath), SourceText.of(markdown), new ArrayList<>());
    }

    static SearchDocument doc(String relativePath, String markdown) {
        return SearchDocuments.from(runbook(relativePath, markdown), ContentLoader.pagePath(relativePath));
    }

    static List<SearchDocument> demo() {
        return List.of(
                doc("database/postgres-failover.md", POSTGRES),
                doc("edge/tls-certificate-expiry.md", TLS),
                doc("api/gateway-5xx-spike.md", GATEWAY),
                doc("payments/refund-backlog.md", REFUND),
                doc("search/index-rebuild.md", SEARCH_REBUILD));
    }

    /**
     * The demo runbooks plus {@code count} synthetic ones made of pseudo-words (so they share no terms
     * with the demo pages by accident), deterministic for a given count.
     */
    static List<SearchDocument> demoPlusSynthetic(int count) {
        Random random = new Random(42);
        String[] syllables = {"ka", "lo", "mi", "ne", "tu", "ra", "vo", "zi", "bu", "de", "gu", "ho", "ji", "wu", "xe"};
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            StringBuilder w = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int s = 0; s < n; s++) {
                w.append(syllables[random.nextInt(syllables.length)]);
            }
            vocabulary.add(w.toString());
        }
        String[] services = {"alpha", "beta", "gamma", "delta"};
        List<SearchDocument> docs = new ArrayList<>(demo());
        for (int d = 0; d < count; d++) {
            List<SearchDocument.Section> sections = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 60; w++) {
                    // Zipf-ish: low indexes much more often, like real prose.
                    int idx = (int) Math.min(vocabulary.size() - 1, Math.pow(random.nextDouble(), 3) * vocabulary.size());
                    text.append(vocabulary.get(idx)).append(w % 12 == 11 ? ". " : " ");
                }
                sections.add(new SearchDocument.Section(s == 0 ? "" : "part-" + s, s == 0 ? "" : "Part " + vocabulary.get(s * 7),
                        text.toString().strip()));
            }
            String title = "Synthetic " + vocabulary.get(random.nextInt(500)) + " " + vocabulary.get(random.nextInt(500));
            docs.add(new SearchDocument(String.format("synthetic/page-%05d.html", d), title, "", List.of(services[d % 4]),
                    List.of("tag" + (d % 7)), "P" + (d % 5), sections));
        }
        return docs;
    }
}
