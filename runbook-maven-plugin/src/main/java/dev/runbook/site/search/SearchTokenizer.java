package dev.runbook.site.search;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns text into search terms. {@code templates/assets/search.js} has a line-for-line twin of this class
 * ({@code tokens}/{@code stem}); the two must agree or queries miss, and {@code SearchQueryTest} runs
 * both on the same strings (and on every word of two real corpora) to keep them honest.
 *
 * <p>Rules: NFKC, lower-case, runs of Unicode letters, marks and decimal digits are tokens, everything
 * else separates ({@code 5xx}, {@code p1}, {@code k8s} stay whole; {@code snake_case} and
 * {@code kebab-case} fall apart into words). Digit-only tokens longer than 8 (hashes, ids, timestamps)
 * are dropped: nobody types them, and they would bloat the dictionary. Every other token is stemmed with
 * the Snowball English stemmer (Porter2), so {@code blocking}/{@code blocked}/{@code block} and
 * {@code restoration}/{@code restore} meet; tokens with digits are not stemmed.
 */
public final class SearchTokenizer {

    /**
     * Words so common in English prose that their postings would be large and useless. They are left
     * out of the postings (not of the excerpts) and ignored in queries. Words that carry meaning in an
     * incident ("down", "not", "no", "up") are deliberately kept. Written into the index so the reader
     * uses exactly this list. Compared with the token as typed (lower-cased), before stemming.
     */
    public static final List<String> STOP_WORDS = List.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of",
            "on", "or", "that", "the", "this", "to", "was", "were", "will", "with", "you", "your");

    /**
     * Words that shape a question rather than name its subject ("how do I restart …", "what should I
     * check when …"). They stay in the index, but a query counts them at a fifth of a normal word, in
     * the score and in the share of query words a page matches, so a page that never says "how" still
     * answers "how to …". Written into the index for the reader, like the stop words.
     */
    public static final List<String> WEAK_WORDS = List.of(
            "how", "what", "why", "when", "where", "which", "who", "whom", "whose", "do", "does", "did", "doing",
            "i", "me", "my", "we", "us", "our", "can", "could", "should", "would", "may", "might", "must", "shall",
            "there", "here", "then", "than", "if", "so", "am", "has", "have", "had", "been", "being", "about",
            "into", "after", "before", "another", "other", "some", "any", "something", "anything", "way", "ways",
            "need", "want", "get", "gets", "got", "happen", "happens", "mean", "means", "meaning", "fix", "going");

    private static final Set<String> STOP = Set.copyOf(STOP_WORDS);
    /** Whole tokens longer than this stay out of the dictionary (their camel-case parts go in). */
    static final int MAX_TOKEN_LENGTH = 40;
    static final int MAX_DIGITS_LENGTH = 8;

    private SearchTokenizer() {
    }

    /** Normalization applied to all text before tokenizing; also applied to stored excerpt text. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Every term of the text, stemmed, in order, stop words included, long tokens included. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        String lower = normalize(text).toLowerCase(Locale.ROOT);
        for (int start = nextTokenStart(lower, 0); start < lower.length(); ) {
            int end = tokenEnd(lower, start);
            String token = lower.substring(start, end);
            if (!isNumberNobodyTypes(token)) {
                out.add(stem(token));
            }
            start = nextTokenStart(lower, end);
        }
        return out;
    }

    /**
     * The terms the index stores for a text: every token that is not a stop word (and not longer than
     * {@link #MAX_TOKEN_LENGTH}), stemmed, plus the parts of camel-case words, so that
     * {@code KubeletDown} or {@code CertificateExpiringSoon} (alert names, the heart of many runbooks)
     * are found by {@code kubelet down} or {@code expiring soon}. A query splits a pasted alert name the
     * same way when the whole word is not in the index (search.js).
     */
    public static List<String> indexTerms(String text) {
        List<String> out = new ArrayList<>();
        indexTerms(text, out::add);
        return out;
    }

    /**
     * {@link #indexTerms(String)} handed one by one to {@code sink}, in the same order, without a list:
     * the index counts them as they come. Tokens are found by {@link #tokenEnd} (the rule
     * {@code [\p{L}\p{M}\p{Nd}]+} without a regex: at 10,000 pages the matcher was a tenth of the index build).
     */
    static void indexTerms(String text, java.util.function.Consumer<String> sink) {
        String normalized = normalize(text);
        String lower = normalized.toLowerCase(Locale.ROOT);
        for (int start = nextTokenStart(lower, 0); start < lower.length(); ) {
            int end = tokenEnd(lower, start);
            int length = end - start;
            if (length <= MAX_TOKEN_LENGTH) {
                String token = lower.substring(start, end);
                if (!isNumberNobodyTypes(token) && !isStopWord(token)) {
                    sink.accept(stem(token));
                }
            }
            start = nextTokenStart(lower, end);
        }
        for (int start = nextTokenStart(normalized, 0); start < normalized.length(); ) {
            int end = tokenEnd(normalized, start);
            if (hasHump(normalized, start, end)) {
                for (String part : camelParts(normalized.substring(start, end))) {
                    String lowerPart = part.toLowerCase(Locale.ROOT);
                    if (lowerPart.length() >= 2 && !isStopWord(lowerPart) && !isNumberNobodyTypes(lowerPart)) {
                        sink.accept(stem(lowerPart));
                    }
                }
            }
            start = nextTokenStart(normalized, end);
        }
    }

    /** Whether {@link #camelParts} would cut {@code text[start, end)} into more than one part. */
    private static boolean hasHump(String text, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            char prev = text.charAt(i - 1);
            char c = text.charAt(i);
            if (Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)
                    || (Character.isUpperCase(prev) && i + 1 < end && Character.isLowerCase(text.charAt(i + 1))))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a code point is a token character: a letter, a mark or a decimal digit ({@code [\p{L}\p{M}\p{Nd}]}). */
    static boolean isTokenChar(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z' || codePoint >= '0' && codePoint <= '9';
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    /** The index of the first token char at or after {@code from}, or the text's length. */
    private static int nextTokenStart(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isTokenChar(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return text.length();
    }

    /** The end (exclusive) of the run of token chars that starts at {@code start}. */
    private static int tokenEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isTokenChar(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return i;
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

    /**
     * The Snowball English (Porter2) stem of a lower-case token; tokens with digits are kept as they are
     * ({@code k8s}, {@code 5xx}, {@code p1}). OpenNLP's stemmer object is not thread-safe (the index is
     * built on all cores), so each thread has its own; stems are cached, as a site repeats its words.
     */
    static String stem(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return token;
            }
        }
        String cached = STEMS.get(token);
        if (cached != null) {
            return cached;
        }
        String stem = STEMMER.get().stem(token).toString();
        if (STEMS.size() > MAX_CACHED_STEMS) {
            STEMS.clear();
        }
        STEMS.put(token, stem);
        return stem;
    }

    private static final ThreadLocal<SnowballStemmer> STEMMER =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_STEMS = 200_000;

    private static boolean isNumberNobodyTypes(String token) {
        return token.length() > MAX_DIGITS_LENGTH && allDigits(token);
    }

    private static boolean allDigits(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
