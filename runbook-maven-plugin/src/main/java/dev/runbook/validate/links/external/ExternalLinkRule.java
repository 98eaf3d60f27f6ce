package dev.runbook.validate.links.external;

import dev.runbook.validate.LinkCheckSettings;
import dev.runbook.core.RunLog;
import dev.runbook.findings.Finding;
import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code link.external}: http(s) links that fail. Each unique URL is checked once however many pages use
 * it, and the verdict is reported at every place it is written. Broken (404/410, DNS, TLS, refused) is
 * an error; unconfirmed (403/429/999, 5xx, timeouts) a warning; a link whose target moved permanently an
 * info hint with the new URL. With {@code offline} the network is not touched.
 */
public final class ExternalLinkRule implements Rule {

    public static final String ID = "link.external";
    public static final String CACHE_FILE = "link-cache.json";

    private final LinkCheckSettings settings;
    private final Clock clock;

    public ExternalLinkRule(LinkCheckSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ExternalLinkRule(LinkCheckSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "An http(s) link that fails: 404/410, DNS, TLS or refused are errors; 403/429/999 and timeouts warnings");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        check(List.of(runbook), context, sink);
    }

    @Override
    public void checkAll(ValidationContext context, FindingSink sink) {
        check(context.content().runbooks(), context, sink);
    }

    private void check(List<Runbook> runbooks, ValidationContext context, FindingSink sink) {
        if (settings.offline()) {
            // Offline only their number is said: the unique URLs are counted, not gathered in order with every
            // place each is written (tens of thousands of links on 10,000 pages, on every run).
            int unique = UrlExtractor.countUnique(runbooks);
            if (unique > 0) {
                context.log().info("validate: offline (runbook.offline=true): " + unique + " external links not checked");
            }
            return;
        }
        Map<String, List<UrlPlace>> urls = UrlExtractor.extract(runbooks);
        if (!urls.isEmpty()) {
            checkOnline(urls, context, sink);
        }
    }

    private void checkOnline(Map<String, List<UrlPlace>> urls, ValidationContext context, FindingSink sink) {
        RunLog log = context.log();
        HostFilter hosts = new HostFilter(settings.checkPrivate());
        Map<String, CheckResult> results = new LinkedHashMap<>();
        List<String> toCheck = new ArrayList<>();
        int skipped = 0;
        LinkCache cache = LinkCache.load(cacheFile(context), settings.cacheTtl(), clock);
        for (String url : urls.keySet()) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (settings.excluded(url)) {
                skipped++;
            } else if (parsed != null && hosts.skipReason(parsed.host()).isPresent()) {
                skipped++;
                log.debug("validate: not checking " + url + " (" + hosts.skipReason(parsed.host()).get() + ")");
            } else {
                cache.lookup(url).ifPresentOrElse(r -> results.put(url, r), () -> toCheck.add(url));
            }
        }
        log.info("validate: checking " + toCheck.size() + " external links (" + results.size() + " cached, "
                + skipped + " excluded or private)");
        results.putAll(checkAll(toCheck, log));
        toCheck.forEach(url -> cache.record(results.get(url)));
        try {
            cache.save();
        } catch (IOException e) {
            log.warn("validate: could not write the link cache " + cacheFile(context) + ": " + e.getMessage());
        }
        results.forEach((url, result) -> report(result, urls.get(url), sink));
    }

    private static Path cacheFile(ValidationContext context) {
        return context.workDirectory().resolve(CACHE_FILE);
    }

    private Map<String, CheckResult> checkAll(List<String> toCheck, RunLog log) {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        if (toCheck.isEmpty()) {
            return results;
        }
        OkHttpClient client = UrlChecker.newClient(settings);
        UrlChecker checker = new UrlChecker(client, new HostRateLimiter(settings.perHost(), settings.hostSpacing()), settings);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), toCheck.size()), r -> {
            Thread t = new Thread(r, "runbook-link-check");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        int total = toCheck.size();
        int step = Math.max(10, total / 10);
        try {
            Map<String, Future<CheckResult>> futures = new LinkedHashMap<>();
            for (String url : toCheck) {
                futures.put(url, pool.submit(() -> {
                    CheckResult result = checker.check(url);
                    int n = done.incrementAndGet();
                    if (n % step == 0 && n < total) {
                        log.info("validate: checked " + n + "/" + total + " external links");
                    }
                    return result;
                }));
            }
            for (Map.Entry<String, Future<CheckResult>> f : futures.entrySet()) {
                try {
                    results.put(f.getKey(), f.getValue().get());
                } catch (ExecutionException e) {
                    results.put(f.getKey(), CheckResult.doubtful(f.getKey(), "check failed: " + e.getCause()));
                }
            }
            log.info("validate: checked " + total + "/" + total + " external links");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
            client.connectionPool().evictAll();
        }
        return results;
    }

    private void report(CheckResult result, List<UrlPlace> places, FindingSink sink) {
        for (UrlPlace place : places) {
            switch (result.outcome()) {
                case OK -> {
                    if (result.movedTo() != null) {
                        sink.report(new Finding(ID, Severity.INFO, place.file(), place.position(),
                                result.url() + " moved permanently to " + result.movedTo(),
                                "update the link to " + result.movedTo()));
                    }
                }
                case BROKEN -> sink.report(new Finding(ID, Severity.ERROR, place.file(), place.position(),
                        result.url() + ": " + result.detail(), "fix or remove the link, or exclude it with runbook.links.excludes"));
                case DOUBTFUL -> sink.report(new Finding(ID, Severity.WARNING, place.file(), place.position(),
                        result.url() + ": " + result.detail(),
                        "open it in a browser; if it works, suppress with <!-- runbook-ignore link.external: reason -->"));
                case SKIPPED -> {
                }
            }
        }
    }
}
