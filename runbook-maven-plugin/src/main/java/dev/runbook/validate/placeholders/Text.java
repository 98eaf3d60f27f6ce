package dev.runbook.validate.placeholders;

/** Plain-text searches that let a line skip a regular expression that cannot match it. */
final class Text {

    private Text() {
    }

    /** Whether {@code line} contains the lower-case ASCII {@code word} in any case, without copying the line. */
    static boolean containsIgnoreCase(String line, String word) {
        int last = line.length() - word.length();
        for (int i = 0; i <= last; i++) {
            if (line.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
