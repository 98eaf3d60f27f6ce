package dev.runbook.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The closest candidate to a mistyped name (edit distance), for "did you mean" hints: front-matter keys,
 * anchors, file names.
 */
public final class Closest {

    private Closest() {
    }

    /**
     * The closest candidate at most one edit per five characters away (at least one edit): {@code failovr.md}
     * finds {@code failover.md}, {@code #stepz} finds {@code #steps}. A looser bound offered pages in other
     * folders that merely shared a file name, which teaches the reader nothing.
     */
    public static Optional<String> to(String wanted, Collection<String> candidates) {
        return to(wanted, candidates, Math.max(1, wanted.length() / 5));
    }

    /** The closest candidate no more than {@code maxDistance} edits away, compared case-insensitively. */
    public static Optional<String> to(String wanted, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = wanted.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > maxDistance) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The closest candidate that could be a misspelling of {@code wanted} rather than another name made of other
     * words: for CamelCase names (alert names, runbook files named after alerts) both must have the same words
     * and each word at most one edit from its partner. {@code KubeNodeNotRedy} finds {@code KubeNodeNotReady};
     * {@code KubePersistentVolumeInodesFillingUp} does not offer {@code KubePersistentVolumeFillingUp} (a word
     * less: another alert), nor {@code CephPoolNearFull} {@code CephOSDNearFull} (another word). Names of one
     * word fall back to {@link #to(String, Collection)}.
     */
    public static Optional<String> misspelling(String wanted, Collection<String> candidates) {
        java.util.List<String> wantedWords = words(wanted);
        if (wantedWords.size() < 2) {
            return to(wanted, candidates);
        }
        return to(wanted, candidates.stream().filter(c -> sameWords(wantedWords, words(c))).toList());
    }

    private static boolean sameWords(java.util.List<String> a, java.util.List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (distance(a.get(i), b.get(i)) > 1) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cased words of a name: split at case changes ({@code KubeAPIDown} → kube, api, down), digits and separators. */
    static java.util.List<String> words(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = WORD.matcher(name);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static final java.util.regex.Pattern WORD =
            java.util.regex.Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+");
}
