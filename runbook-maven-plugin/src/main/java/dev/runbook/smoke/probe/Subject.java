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
    MESSAGE("message", false);

    private final String keyword;
    private final boolean takesArgument;

    Subject(String keyword, boolean takesArgument) {
        this.keyword = keyword;
        this.takesArgument = takesArgument;
    }

    public String keyword() {
        return keyword;
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
