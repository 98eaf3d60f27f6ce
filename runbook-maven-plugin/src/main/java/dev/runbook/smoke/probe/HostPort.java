package dev.runbook.smoke.probe;

/** {@code host:port} or {@code [v6]:port}, after placeholders are resolved. */
record HostPort(String host, int port) {

    static HostPort parse(String text) throws ProbeRefusedException {
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
}
