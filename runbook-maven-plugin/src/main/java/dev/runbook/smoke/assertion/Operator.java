package dev.runbook.smoke.assertion;

/** The predicates of {@code expect <subject> <op> <value>}. */
public enum Operator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS("contains"), STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"), MATCHES("matches"), EXISTS("exists");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    public static Operator bySymbol(String text) {
        for (Operator o : values()) {
            if (o.symbol.equals(text)) {
                return o;
            }
        }
        return null;
    }

    public static String symbols() {
        StringBuilder b = new StringBuilder();
        for (Operator o : values()) {
            b.append(b.isEmpty() ? "" : " ").append(o.symbol);
        }
        return b.toString();
    }
}
