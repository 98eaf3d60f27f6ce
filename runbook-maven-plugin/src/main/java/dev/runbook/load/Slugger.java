package dev.runbook.load;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's heading-id algorithm, so that a link that validates is a link that works on the site and on
 * GitHub alike: lower-case; drop every char that is not a letter, mark, number, '_', '-' or space; each
 * space becomes '-'; a repeated slug gets -1, -2, … One Slugger per page (it remembers the slugs taken).
 */
public final class Slugger {

    private final Map<String, Integer> seen = new HashMap<>();

    /** The slug of a heading's text, without de-duplication. */
    public static String slugOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            if (cp == ' ') {
                out.append('-');
            } else if (cp == '-' || cp == '_' || Character.isLetterOrDigit(cp) || isMark(cp)
                    || Character.getType(cp) == Character.LETTER_NUMBER || Character.getType(cp) == Character.OTHER_NUMBER) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The unique slug for the next heading with this text on the page (github-slugger's loop). */
    public String next(String text) {
        String original = slugOf(text);
        String result = original;
        while (seen.containsKey(result)) {
            int occurrences = seen.merge(original, 1, Integer::sum);
            result = original + "-" + occurrences;
        }
        seen.put(result, 0);
        return result;
    }

    /** Marks an id as taken (explicit ids and {@code <a id>}), so generated slugs avoid it. */
    public void reserve(String id) {
        seen.putIfAbsent(id, 0);
    }
}
