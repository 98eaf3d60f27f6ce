package dev.runbook.validate.placeholders;

/** Plain-text searches that let a line skip a regular expression that cannot match it. */
final class Text {

    private Text() {
    }

    /** Whether {@code line} contains the lower-case ASCII {@code word} in any case, without copying the line. */
    static boolean containsIgnoreCase(String line, String word) {
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        int last = line.length() - word.length();
        for (int i = 0; i <= last; i++) {
            char c = line.charAt(i);
            if ((c == lower || c == upper) && line.regionMatches(true, i + 1, word, 1, word.length() - 1)) {
                return true;
            }
        }
        return false;
    }
}
