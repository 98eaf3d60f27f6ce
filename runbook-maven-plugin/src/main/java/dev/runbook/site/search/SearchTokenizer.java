package dev.runbook.site.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text into search terms. {@code templates/assets/search.js} has a line-for-line twin of this class
 * ({@code tokenize}/{@code stem}); the two must agree or queries miss, and {@code SearchQueryTest} runs
 * both on the same strings to keep them honest.
 *
 * <p>Rules: NFKC, lower-case, runs of Unicode letters, marks and decimal digits are tokens, everything
 * else separates ({@code 5xx}, {@code p1}, {@code k8s} stay whole). Tokens longer than 40 chars and
 * digit-only tokens longer than 8 (hashes, ids, timestamps) are dropped: nobody types them, and they
 * would bloat the dictionary. A tiny plural stemmer folds {@code alerts → alert}, {@code replicas →
 * replica}, {@code policies → policy}, {@code addresses → address}; tokens with digits are not stemmed.
 */
public final class SearchTokenizer {

    /**
     * Words so common in English prose that their postings would be large and useless. They are left
     * out of the postings (not of the excerpts) and ignored in queries. Words that carry meaning in an
     * incident ("down", "not", "no", "up") are deliberately kept. Written into the index so the reader
     * uses exactly this list.
     */
    public static final List<String> STOP_WORDS = List.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of",
            "on", "or", "that", "the", "this", "to", "was", "were", "will", "with", "you", "your");

    private static final Set<String> STOP = Set.copyOf(STOP_WORDS);
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");
    static final int MAX_TOKEN_LENGTH = 40;
    static final int MAX_DIGITS_LENGTH = 8;

    private SearchTokenizer() {
    }

    /** Normalization applied to all text before tokenizing; also applied to stored excerpt text. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Every term of the text, stemmed, in order, stop words included. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalize(text).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String token = m.group();
            if (token.length() > MAX_TOKEN_LENGTH || (token.length() > MAX_DIGITS_LENGTH && allDigits(token))) {
                continue;
            }
            out.add(stem(token));
        }
        return out;
    }

    /**
     * The terms the index stores for a text: {@link #terms} plus the parts of camel-case words, so
     * that {@code KubeletDown} or {@code CertificateExpiringSoon} (alert names, the heart of many
     * runbooks) are found by {@code kubelet down} or {@code expiring soon}. Queries are not split: a
     * typed {@code kubeletdown} still matches the whole word.
     */
    public static List<String> indexTerms(String text) {
        List<String> out = terms(text);
        Matcher m = TOKEN.matcher(normalize(text));
        while (m.find()) {
            List<String> parts = camelParts(m.group());
            if (parts.size() > 1) {
                for (String part : parts) {
                    if (part.length() >= 2) {
                        out.add(stem(part.toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return out;
    }

    /** {@code HTTPServerDown} → HTTP, Server, Down; {@code postgresPrimary} → postgres, Primary. */
    static List<String> camelParts(String token) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < token.length(); i++) {
            char prev = token.charAt(i - 1);
            char c = token.charAt(i);
            boolean hump = Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)
                    || (Character.isUpperCase(prev) && i + 1 < token.length() && Character.isLowerCase(token.charAt(i + 1))));
            if (hump) {
                parts.add(token.substring(start, i));
                start = i;
            }
        }
        parts.add(token.substring(start));
        return parts;
    }

    public static boolean isStopWord(String term) {
        return STOP.contains(term);
    }

    static String stem(String token) {
        int n = token.length();
        if (n < 4 || token.chars().anyMatch(Character::isDigit)) {
            return token;
        }
        if (token.endsWith("ies") && n > 4) {
            return token.substring(0, n - 3) + "y";
        }
        if (token.endsWith("sses")) {
            return token.substring(0, n - 2);
        }
        if (token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us") && !token.endsWith("is")) {
            return token.substring(0, n - 1);
        }
        return token;
    }

    private static boolean allDigits(String token) {
        return token.chars().allMatch(Character::isDigit);
    }
}
