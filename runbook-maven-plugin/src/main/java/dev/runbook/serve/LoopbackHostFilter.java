package dev.runbook.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Locale;

/**
 * Answers only requests addressed to a loopback name. A server on 127.0.0.1 is out of the network's
 * reach, but not out of a web page's: a hostile site can point its own domain at 127.0.0.1 (DNS
 * rebinding) and read the preview as same-origin. Such requests carry that domain in {@code Host}.
 */
final class LoopbackHostFilter extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (isLoopbackName(exchange.getRequestHeaders().getFirst("Host"))) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            exchange.sendResponseHeaders(403, -1);
        }
    }

    static boolean isLoopbackName(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 && host.substring(1, close).equals("::1") && portOnly(host.substring(close + 1));
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        if (colon >= 0 && !portOnly(host.substring(colon))) {
            return false;
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean portOnly(String rest) {
        return rest.isEmpty() || rest.matches(":\\d{1,5}");
    }

    @Override
    public String description() {
        return "answers only requests whose Host is a loopback name";
    }
}
