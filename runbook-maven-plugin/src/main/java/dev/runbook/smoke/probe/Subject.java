package dev.runbook.smoke.probe;

/** What an {@code expect} line looks at. Some take an argument: a header name or a JSONPath. */
public enum Subject {
    STATUS("status", false),
    HEADER("header", true),
    BODY("body", false),
    JSON("json", true),
    TIME("time", false),
    CONNECTED("connected", false),
    CERT_DAYS_LEFT("cert.days_left", false),
    /** tls, https: the leaf certificate's subject, e.g. {@code CN=api.example.com,O=Example}. */
    CERT_SUBJECT("cert.subject", false),
    MESSAGE("message", false),
    /** sql: a JSONPath into the first row ({@code $.rows} is the row count). */
    VALUE("value", true),
    /** redis: the reply as redis-cli prints it. */
    REPLY("reply", false),
    /** dns: the response code, e.g. NOERROR or NXDOMAIN. */
    RCODE("rcode", false),
    /** stun, turn: the address the server saw us at, {@code ip:port}. */
    MAPPED_ADDRESS("mapped_address", false),
    /** turn: the relay the server allocated, {@code ip:port}. */
    RELAYED_ADDRESS("relayed_address", false);

    private final String keyword;
    private final boolean takesArgument;

    Subject(String keyword, boolean takesArgument) {
        this.keyword = keyword;
        this.takesArgument = takesArgument;
    }

    public String keyword() {
        return keyword;
    }

    /** Subjects whose argument is a JSONPath. */
    public boolean takesJsonPath() {
        return this == JSON || this == VALUE;
    }

    public boolean takesArgument() {
        return takesArgument;
    }

    public static Subject byKeyword(String word) {
        for (Subject s : values()) {
            if (s.keyword.equals(word)) {
                return s;
            }
        }
        return null;
    }

    public static String keywords() {
        StringBuilder b = new StringBuilder();
        for (Subject s : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(s.keyword);
        }
        return b.toString();
    }
}
