package dev.runbook.smoke.kind.sql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code postgresql://host[:port]/database[?sslmode=…]} after placeholders are resolved. Parsed here rather
 * than handed to the driver, because a JDBC URL can name several hosts (each must pass the allowlist) and
 * carry driver properties that load classes or write files ({@code socketFactory}, {@code sslfactory},
 * {@code loggerFile}): only the TLS mode is accepted.
 */
public record PostgresUrl(String host, int port, String database, String sslMode) {

    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern URL = Pattern.compile("postgres(?:ql)?://(\\[[0-9a-fA-F:.]+]|[^/:?,@\\[\\]]+)(?::(\\d{1,5}))?/([^/?]+)(?:\\?(.*))?");

    public static PostgresUrl parse(String text) {
        Matcher m = URL.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not postgresql://host[:port]/database (one host; user and"
                    + " password go in user= and password=, not in the URL)");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range in '" + text + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.group(4) != null && !m.group(4).isEmpty()) {
            for (String pair : m.group(4).split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String sslMode = params.remove("sslmode");
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("URL parameter " + params.keySet().iterator().next() + " is not accepted: only"
                    + " sslmode is (driver properties can load classes or write files)");
        }
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("sslmode=" + sslMode + " is not one of " + String.join(", ", SSL_MODES));
        }
        return new PostgresUrl(host, port, URLDecoder.decode(m.group(3), StandardCharsets.UTF_8), sslMode);
    }
}
