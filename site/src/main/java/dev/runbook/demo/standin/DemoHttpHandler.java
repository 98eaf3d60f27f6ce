package dev.runbook.demo.standin;

import java.io.IOException;
import java.net.Socket;

/** The demo API: the health endpoints the demo runbooks check; search is degraded on purpose. */
final class DemoHttpHandler implements Listener.Handler {

    private static final String JSON = "application/json; charset=utf-8";

    @Override
    public void serve(Socket socket) throws IOException {
        HttpExchange exchange = HttpExchange.read(socket.getInputStream());
        String path = exchange.target.contains("?") ? exchange.target.substring(0, exchange.target.indexOf('?')) : exchange.target;
        var out = socket.getOutputStream();
        if (!exchange.method.equals("GET") && !exchange.method.equals("HEAD")) {
            HttpExchange.respond(out, 405, "Method Not Allowed", JSON, "{\"error\":\"the demo stand-in only reads\"}");
            return;
        }
        switch (path) {
            case "/health" -> HttpExchange.respond(out, 200, "OK", JSON,
                    "{\"status\":\"ok\",\"version\":\"2.14.3\",\"checks\":{\"db\":\"ok\",\"cache\":\"ok\"}}");
            case "/api/v1/payments/health" -> HttpExchange.respond(out, 200, "OK", JSON,
                    "{\"status\":\"ok\",\"provider\":\"connected\",\"queue_depth\":3}");
            // The demo's deliberately failing check: the search runbook shows as failing on the site.
            case "/api/v1/search/health" -> HttpExchange.respond(out, 503, "Service Unavailable", JSON,
                    "{\"status\":\"degraded\",\"reason\":\"index rebuild in progress\"}");
            default -> HttpExchange.respond(out, 404, "Not Found", JSON, "{\"error\":\"not found\"}");
        }
    }
}
