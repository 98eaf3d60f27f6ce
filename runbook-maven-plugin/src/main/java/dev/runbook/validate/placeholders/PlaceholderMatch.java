package dev.runbook.validate.placeholders;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A placeholder found in one line: {@code [start, end)} are char offsets in that line. */
public record PlaceholderMatch(int start, int end, String text) {

    /** Adds {@code [start, end)} of the line unless it overlaps a match found earlier (the first one wins). */
    static void addUnlessOverlapping(List<PlaceholderMatch> found, int start, int end, String line) {
        for (PlaceholderMatch existing : found) {
            if (start < existing.end() && end > existing.start()) {
                return;
            }
        }
        found.add(new PlaceholderMatch(start, end, line.substring(start, end)));
    }

    /** Adds every non-empty match of each user-configured pattern (an empty match marks nothing). */
    static void addMatchesOf(List<Pattern> patterns, List<PlaceholderMatch> found, String line) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                if (m.end() > m.start()) {
                    addUnlessOverlapping(found, m.start(), m.end(), line);
                }
            }
        }
    }

    /** The matches in line order. */
    static List<PlaceholderMatch> inLineOrder(List<PlaceholderMatch> found) {
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }
}
