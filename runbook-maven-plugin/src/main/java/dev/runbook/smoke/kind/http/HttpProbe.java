package dev.runbook.smoke.kind.http;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.Probe;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.Subject;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request. Redirects are followed here, not by OkHttp, so that every hop is checked against the
 * allowlist before it is requested (curl {@code -L}); without {@code -L} a 3xx is the answer.
 */
public final class HttpProbe implements Probe<HttpProbeSpec> {

    static final int MAX_REDIRECTS = 10;
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public Observation run(HttpProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        try {
            return send(spec, context);
        } catch (IllegalArgumentException e) {
            // OkHttp refuses header names/values with control characters, e.g. a variable holding a newline.
            throw new ProbeRefusedException("the request cannot be sent as written: " + e.getMessage());
        }
    }

    private Observation send(HttpProbeSpec spec, ProbeContext context) throws ProbeRefusedException {
        String urlText = context.resolve(spec.url());
        HttpUrl url = HttpUrl.parse(urlText);
        if (url == null) {
            throw new ProbeRefusedException("'" + urlText + "' is not an http:// or https:// URL");
        }
        context.requireAllowed(url.host(), url.port());
        Request.Builder request = new Request.Builder().url(url);
        for (HttpProbeSpec.Header h : spec.headers()) {
            request.addHeader(h.name(), context.resolve(h.value()));
        }
        if (spec.basicAuth() != null) {
            String user = context.resolve(spec.basicAuth());
            if (context.redactor().reveals(user)) {
                // base64(user:secret) differs from base64(secret): hide the pair as one secret too.
                context.redactor().register(user);
            }
            int colon = user.indexOf(':');
            request.header("Authorization", colon < 0 ? Credentials.basic(user, "", StandardCharsets.UTF_8)
                    : Credentials.basic(user.substring(0, colon), user.substring(colon + 1), StandardCharsets.UTF_8));
        }
        String body = context.resolve(spec.body());
        request.method(spec.method(), requestBody(spec, body));

        Duration total = spec.maxTime() != null && spec.maxTime().compareTo(context.timeout()) < 0 ? spec.maxTime() : context.timeout();
        OkHttpClient client = client(context.http(), spec, total);
        long start = System.nanoTime();
        Request current = request.build();
        try {
            for (int hop = 0; ; hop++) {
                try (Response response = client.newCall(current).execute()) {
                    String location = response.header("Location");
                    if (spec.followRedirects() && response.isRedirect() && location != null) {
                        if (hop == MAX_REDIRECTS) {
                            return Observation.failed(true, elapsed(start), "more than " + MAX_REDIRECTS + " redirects");
                        }
                        HttpUrl next = response.request().url().resolve(location);
                        if (next == null) {
                            return Observation.failed(true, elapsed(start), "redirect to an invalid location '" + location + "'");
                        }
                        if (!context.environment().allowedHosts().allows(next.host(), next.port())) {
                            throw new ProbeRefusedException("redirect from " + response.request().url().host() + " to host " + next.host()
                                    + " refused: host " + next.host() + " is not in the allowed_hosts of environment "
                                    + context.environment().name() + " (nothing was sent to it)");
                        }
                        current = redirected(current, response.code(), next);
                        continue;
                    }
                    String text = readBody(response.body());
                    Long daysLeft = null;
                    Map<Subject, Object> values = new HashMap<>();
                    if (response.handshake() != null && !response.handshake().peerCertificates().isEmpty()
                            && response.handshake().peerCertificates().get(0) instanceof X509Certificate leaf) {
                        // an HTTPS answer can be asserted on its certificate without a separate tls block
                        daysLeft = Math.floorDiv(Duration.between(context.clock().instant(), leaf.getNotAfter().toInstant()).toSeconds(), 86_400L);
                        values.put(Subject.CERT_SUBJECT, leaf.getSubjectX500Principal().getName());
                    }
                    return new Observation(response.code(), headers(response), text, elapsed(start), true, daysLeft, null, null, values);
                }
            }
        } catch (IOException e) {
            return Observation.failed(false, elapsed(start), Probe.describe(e, total));
        }
    }

    private static RequestBody requestBody(HttpProbeSpec spec, String body) {
        if (body == null) {
            return spec.writes() ? RequestBody.create(new byte[0], null) : null;
        }
        String contentType = spec.headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                .map(HttpProbeSpec.Header::value).findFirst().orElse(null);
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        return RequestBody.create(body.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Follows browsers and curl: 303 (and 301/302 after POST) becomes GET; credentials never cross hosts. */
    private static Request redirected(Request previous, int code, HttpUrl next) {
        Request.Builder b = previous.newBuilder().url(next);
        if (code == 303 || ((code == 301 || code == 302) && previous.method().equals("POST"))) {
            b.method(previous.method().equals("HEAD") ? "HEAD" : "GET", null);
            b.removeHeader("Content-Type");
        }
        if (!Objects.equals(previous.url().host(), next.host())) {
            b.removeHeader("Authorization");
            b.removeHeader("Cookie");
        }
        return b.build();
    }

    private static OkHttpClient client(OkHttpClient base, HttpProbeSpec spec, Duration total) {
        OkHttpClient.Builder b = base.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                // A server may close a pooled connection while it idles (any HTTP/1.0 server does after each
                // answer); the next request on it ends with "unexpected end of stream". A read (GET, HEAD,
                // OPTIONS) is then sent again on a fresh connection, which OkHttp does only for a reused
                // connection or another route. A write is never repeated behind the author's back.
                .retryOnConnectionFailure(!spec.writes())
                .callTimeout(total)
                .readTimeout(total)
                .writeTimeout(total)
                .connectTimeout(spec.connectTimeout() != null && spec.connectTimeout().compareTo(total) < 0 ? spec.connectTimeout() : total);
        if (spec.insecure()) {
            // curl -k, written in the runbook: this request alone skips certificate and host name checks.
            X509TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            try {
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, new TrustManager[] {trustAll}, null);
                b.sslSocketFactory(ssl.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK offers TLS", e);
            }
        }
        return b.build();
    }

    private static String readBody(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            out.put(name.toLowerCase(Locale.ROOT), response.headers(name));
        }
        return out;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
