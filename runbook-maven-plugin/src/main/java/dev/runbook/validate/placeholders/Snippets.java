package dev.runbook.validate.placeholders;

/** Short quotes of source text for one-line messages. */
final class Snippets {

    private static final int MAX = 60;

    private Snippets() {
    }

    static String quote(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "…";
    }
}
