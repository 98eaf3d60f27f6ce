package dev.runbook.smoke.probe;

/** {@code host:port} or {@code [v6]:port}, after placeholders are resolved. */
public record HostPort(String host, int port) {

    public static HostPort parse(String text) throws ProbeRefusedException {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon > 0) {
            String host = t.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(t.substring(colon + 1));
                if (port > 0 && port <= 65535 && !host.isEmpty()) {
                    return new HostPort(host, port);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ProbeRefusedException("'" + text + "' is not host:port");
    }

    /**
     * Checks a target as written in a block, before placeholders are known: one with {@code {{…}}} is
     * checked when the environment is known.
     *
     * @param column file column of the target, for the error
     */
    public static void checkWritten(String target, int line, int column) throws SyntaxException {
        if (target.contains("{{")) {
            return; // resolved and checked when the environment is known
        }
        int colon = target.lastIndexOf(':');
        String port = colon < 0 ? "" : target.substring(colon + 1);
        if (colon <= 0 || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new SyntaxException(line, column, "'" + target + "' is not host:port",
                    "write e.g. db.staging.example.com:5432");
        }
    }
}
