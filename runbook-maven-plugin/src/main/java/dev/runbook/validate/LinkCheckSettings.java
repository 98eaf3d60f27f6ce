package dev.runbook.validate;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How external links are checked. {@link #defaults()} is what the plugin uses unless configured.
 *
 * @param offline        skip the network entirely
 * @param connectTimeout time to open a connection
 * @param readTimeout    time to wait for response bytes
 * @param urlTimeout     budget for one URL, all attempts and redirects included
 * @param concurrency    URLs checked at once overall
 * @param perHost        requests in flight to one host at once
 * @param hostSpacing    minimum time between the starts of two requests to one host
 * @param retry          what to do on 429/503
 * @param excludes       URLs matching any of these (find, not full match) are not checked
 * @param cacheTtl       how long a good result is trusted; zero disables the cache
 * @param checkPrivate   also check loopback/private/example hosts (tests need this)
 * @param style          how relative links between pages are read (runbook.links.style)
 */
public record LinkCheckSettings(
        boolean offline,
        Duration connectTimeout,
        Duration readTimeout,
        Duration urlTimeout,
        int concurrency,
        int perHost,
        Duration hostSpacing,
        RetryPolicy retry,
        List<Pattern> excludes,
        Duration cacheTtl,
        boolean checkPrivate,
        LinkStyle style) {

    public LinkCheckSettings {
        excludes = List.copyOf(excludes);
        style = style == null ? LinkStyle.SITE : style;
        if (concurrency < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency and perHost must be at least 1");
        }
    }

    public static LinkCheckSettings defaults() {
        return new LinkCheckSettings(false, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
                8, 2, Duration.ofMillis(200), RetryPolicy.defaults(), List.of(), Duration.ofDays(1), false, LinkStyle.SITE);
    }

    public LinkCheckSettings withOffline(boolean value) {
        return new LinkCheckSettings(value, connectTimeout, readTimeout, urlTimeout, concurrency, perHost, hostSpacing,
                retry, excludes, cacheTtl, checkPrivate, style);
    }

    public LinkCheckSettings withTimeouts(Duration connect, Duration read, Duration url) {
        return new LinkCheckSettings(offline, connect, read, url, concurrency, perHost, hostSpacing, retry, excludes,
                cacheTtl, checkPrivate, style);
    }

    public LinkCheckSettings withConcurrency(int overall, int host, Duration spacing) {
        return new LinkCheckSettings(offline, connectTimeout, readTimeout, urlTimeout, overall, host, spacing, retry,
                excludes, cacheTtl, checkPrivate, style);
    }

    public LinkCheckSettings withRetry(RetryPolicy value) {
        return new LinkCheckSettings(offline, connectTimeout, readTimeout, urlTimeout, concurrency, perHost, hostSpacing,
                value, excludes, cacheTtl, checkPrivate, style);
    }

    public LinkCheckSettings withExcludes(List<Pattern> value) {
        return new LinkCheckSettings(offline, connectTimeout, readTimeout, urlTimeout, concurrency, perHost, hostSpacing,
                retry, value, cacheTtl, checkPrivate, style);
    }

    public LinkCheckSettings withCacheTtl(Duration value) {
        return new LinkCheckSettings(offline, connectTimeout, readTimeout, urlTimeout, concurrency, perHost, hostSpacing,
                retry, excludes, value, checkPrivate, style);
    }

    public LinkCheckSettings withCheckPrivate(boolean value) {
        return new LinkCheckSettings(offline, connectTimeout, readTimeout, urlTimeout, concurrency, perHost, hostSpacing,
                retry, excludes, cacheTtl, value, style);
    }

    public LinkCheckSettings withStyle(LinkStyle value) {
        return new LinkCheckSettings(offline, connectTimeout, readTimeout, urlTimeout, concurrency, perHost, hostSpacing,
                retry, excludes, cacheTtl, checkPrivate, value);
    }

    public boolean excluded(String url) {
        return excludes.stream().anyMatch(p -> p.matcher(url).find());
    }
}
