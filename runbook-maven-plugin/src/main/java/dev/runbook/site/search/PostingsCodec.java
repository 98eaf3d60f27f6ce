package dev.runbook.site.search;

import java.util.Arrays;

/**
 * Packs lists of small non-negative integers into short ASCII strings, about a third of the size of a
 * JSON number array. Each number is written as base-32 digits, most significant first; the last digit
 * of a number comes from the first half of {@link #ALPHABET}, the others from the second half, so no
 * separators are needed. Doc-id lists are written as gaps from the previous id, which keeps them small.
 * {@code search.js} decodes with the same alphabet ({@code decode}).
 */
final class PostingsCodec {

    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    private PostingsCodec() {
    }

    static void appendNumber(StringBuilder out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        char[] digits = new char[7];
        int i = digits.length;
        digits[--i] = ALPHABET.charAt(value & 31);
        value >>>= 5;
        while (value > 0) {
            digits[--i] = ALPHABET.charAt(32 + (value & 31));
            value >>>= 5;
        }
        out.append(digits, i, digits.length - i);
    }

    /** Sorted doc ids as gaps. */
    static String encodeDocs(int[] sortedDocs) {
        StringBuilder out = new StringBuilder();
        int previous = 0;
        for (int doc : sortedDocs) {
            appendNumber(out, doc - previous);
            previous = doc;
        }
        return out.toString();
    }

    /** The inverse of the encoders, for tests: every number in order. */
    static int[] decode(String encoded) {
        int[] out = new int[encoded.length()];
        int n = 0;
        int value = 0;
        for (int i = 0; i < encoded.length(); i++) {
            int digit = ALPHABET.indexOf(encoded.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a postings character: " + encoded.charAt(i));
            }
            value = value * 32 + (digit & 31);
            if (digit < 32) {
                out[n++] = value;
                value = 0;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
