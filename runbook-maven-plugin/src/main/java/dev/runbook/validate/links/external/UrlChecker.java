package dev.runbook.validate.links.external;

import dev.runbook.validate.LinkCheckSettings;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks one URL: HEAD first, GET when HEAD is refused or fails (many servers answer HEAD with 405,
 * 501 or worse); redirects followed by hand, so a chain of permanent redirects can be reported; 429/503
 * retried per the {@link RetryPolicy}; every request through the {@link HostRateLimiter}; the whole
 * check within the per-URL time budget.
 */
public final class UrlChecker {

    static final int MAX_REDIRECTS = 10;
    private static final String USER_AGENT = "runbook-maven-plugin link check (+https://github.com/)";

    private final OkHttpClient client;
    private final HostRateLimiter limiter;
    private final LinkCheckSettings settings;
    private final HostFilter hostFilter;

    /** {@code client} is used as given, except that the limiter paces its requests to each host. */
    public UrlChecker(OkHttpClient client, HostRateLimiter limiter, LinkCheckSettings settings) {
        this.client = limiter.pace(client);
        this.limiter = limiter;
        this.settings = settings;
        this.hostFilter = new HostFilter(settings.checkPrivate());
    }

    /** The client the checker expects: no automatic redirects or retries (it does both itself). */
    public static OkHttpClient newClient(LinkCheckSettings settings) {
        return new OkHttpClient.Builder()
                .dns(settings.checkPrivate() ? okhttp3.Dns.SYSTEM : new PublicOnlyDns(okhttp3.Dns.SYSTEM))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.urlTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    public CheckResult check(String url) {
        HttpUrl current = HttpUrl.parse(url);
        if (current == null) {
            return CheckResult.broken(url, "is not a valid http(s) URL");
        }
        long deadline = System.nanoTime() + settings.urlTimeout().toNanos();
        boolean allPermanent = true;
        HttpUrl permanentTarget = null;
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                Reply reply = fetch(current, deadline);
                if (reply.failure != null) {
                    return reply.failure.withUrl(url);
                }
                if (isRedirect(reply.status) && reply.location != null) {
                    HttpUrl next = current.resolve(reply.location);
                    if (next == null) {
                        return CheckResult.broken(url, "redirects to an invalid location '" + reply.location + "'");
                    }
                    allPermanent &= reply.status == 301 || reply.status == 308;
                    permanentTarget = allPermanent ? next : null;
                    current = next;
                    Optional<String> skip = hostFilter.skipReason(current.host());
                    if (skip.isPresent()) {
                        return CheckResult.skipped(url, "redirects to a " + skip.get());
                    }
                    continue;
                }
                return classify(url, reply, permanentTarget);
            }
            return CheckResult.doubtful(url, "more than " + MAX_REDIRECTS + " redirects");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.doubtful(url, "check was interrupted");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private CheckResult classify(String url, Reply reply, HttpUrl permanentTarget) {
        int s = reply.status;
        String described = s + (reply.reason == null || reply.reason.isBlank() ? "" : " " + reply.reason);
        if (s >= 200 && s < 300) {
            return CheckResult.ok(url, permanentTarget == null ? null : permanentTarget.toString());
        }
        if (s == 401 || s == 403 || s == 429 || s == 999) {
            return CheckResult.doubtful(url, "answered " + described + " (the server may block automated checks)");
        }
        if (s >= 500) {
            return CheckResult.doubtful(url, "answered " + described + " (server error; may be temporary)");
        }
        if (isRedirect(s)) {
            return CheckResult.doubtful(url, "answered " + s + " without a Location header");
        }
        return CheckResult.broken(url, "answered " + described);
    }

    /** One URL without following redirects: HEAD, then GET if HEAD did not give a usable answer; 429/503 retried. */
    private Reply fetch(HttpUrl url, long deadline) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Reply reply = request(url, "HEAD", deadline);
            if (reply.needsGet()) {
                reply = request(url, "GET", deadline);
            }
            if (reply.failure != null) {
                return reply;
            }
            Optional<Duration> wait = settings.retry().waitBefore(attempt + 1, reply.status, reply.retryAfter, Instant.now());
            if (wait.isEmpty()) {
                return reply;
            }
            if (System.nanoTime() + wait.get().toNanos() - deadline > 0) {
                return reply; // Waiting would overrun the URL's budget: report what the server said.
            }
            limiter.pauseHost(url.host(), wait.get());
        }
    }

    private Reply request(HttpUrl url, String method, long deadline) throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Reply.failed(CheckResult.doubtful(null, "timed out after " + seconds(settings.urlTimeout())));
        }
        Request request = new Request.Builder().url(url).method(method, null).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build();
        try (HostRateLimiter.Permit ignored = limiter.acquire(url.host())) {
            Call call = client.newCall(request);
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                return Reply.answered(method, response.code(), response.message(), response.header("Location"),
                        response.header("Retry-After"));
            }
        } catch (PublicOnlyDns.PrivateHostException e) {
            return Reply.failed(CheckResult.skipped(null, e.getMessage()));
        } catch (UnknownHostException e) {
            return Reply.failed(CheckResult.broken(null, "host " + url.host() + " not found (DNS)"));
        } catch (SSLException e) {
            return Reply.failed(CheckResult.broken(null, "TLS failure: " + e.getMessage()));
        } catch (ConnectException | NoRouteToHostException e) {
            return Reply.failed(CheckResult.broken(null, "connection refused by " + url.host() + ":" + url.port()));
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted");
            }
            return Reply.failed(CheckResult.doubtful(null, "timed out (" + e.getMessage() + ")"));
        } catch (IOException e) {
            Reply failed = Reply.failed(CheckResult.doubtful(null, "could not be fetched: " + e));
            return method.equals("HEAD") ? Reply.headFailed(failed.failure) : failed;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** What one request gave: a status and headers, or a failure already classified. */
    private static final class Reply {
        final String method;
        final int status;
        final String reason;
        final String location;
        final String retryAfter;
        final Failure failure;
        final boolean headIoFailure;

        private Reply(String method, int status, String reason, String location, String retryAfter, Failure failure,
                      boolean headIoFailure) {
            this.method = method;
            this.status = status;
            this.reason = reason;
            this.location = location;
            this.retryAfter = retryAfter;
            this.failure = failure;
            this.headIoFailure = headIoFailure;
        }

        static Reply answered(String method, int status, String reason, String location, String retryAfter) {
            return new Reply(method, status, reason, location, retryAfter, null, false);
        }

        static Reply failed(CheckResult result) {
            return new Reply(null, 0, null, null, null, new Failure(result), false);
        }

        static Reply headFailed(Failure failure) {
            return new Reply("HEAD", 0, null, null, null, failure, true);
        }

        /** HEAD answered with an error other than "too many requests", or broke in a way GET may not. */
        boolean needsGet() {
            return headIoFailure || ("HEAD".equals(method) && status >= 400 && status != 429);
        }
    }

    private record Failure(CheckResult result) {
        CheckResult withUrl(String url) {
            return new CheckResult(url, result.outcome(), result.detail(), null);
        }
    }
}
