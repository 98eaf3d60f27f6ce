package dev.runbook.site.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Term → documents, each with a precomputed impact: a BM25-style score summed over four fields with
 * weights title &gt; headings &gt; alert name &gt; body. Scoring here, at build time, means the browser needs no field
 * lengths or averages: it multiplies an impact by the term's idf and adds up.
 *
 * <p>Fields: <b>title</b> = the title; <b>headings</b> = section headings, description, services, tags
 * and severity (short, curated words); <b>alert</b> = the alert the page is named after, whole and in
 * camel-case parts; <b>body</b> = section text including code and table cells.
 */
final class InvertedIndex {

    static final int TITLE = 0;
    static final int HEADINGS = 1;
    static final int ALERT = 2;
    static final int BODY = 3;
    static final int FIELDS = 4;
    static final double[] FIELD_WEIGHTS = {6.0, 2.5, 2.0, 1.0};
    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Impacts are stored as integers: score × this, rounded, at least 1. */
    static final double IMPACT_SCALE = 4.0;

    /** The terms, sorted (String order, i.e. UTF-16 code units, the same order as JavaScript's). */
    final String[] terms;
    /** {@code postings[i]}: the postings of {@code terms[i]}, pairs (doc, impact) sorted by doc, in one int array. */
    final int[][] postings;

    private InvertedIndex(String[] terms, int[][] postings) {
        this.terms = terms;
        this.postings = postings;
    }

    /** How many documents hold {@code terms[i]}. */
    int documentFrequency(int i) {
        return postings[i].length / 2;
    }

    /**
     * Linear in the corpus: each document's terms are counted once (on all cores) into flat arrays, then
     * one pass in document order appends (doc, impact) to each term's growing int array; the terms are
     * sorted once at the end. At 10,000 pages the earlier per-document hash maps of int[4] counts, all
     * alive at once, and a TreeMap lookup per (document, term) were a fifth of the build and most of its
     * garbage. Impacts are computed with the same arithmetic in the same order, so the index is the same.
     */
    static InvertedIndex build(List<SearchDocument> docs) {
        return fromCounts(docs.parallelStream().map(InvertedIndex::termCounts).toList());
    }

    /** The same from each document's term counts, already made (read from the page cache or just counted). */
    static InvertedIndex fromCounts(List<TermCounts> counts) {
        int[][] lengths = new int[counts.size()][];
        double[] totals = new double[FIELDS];
        for (int d = 0; d < counts.size(); d++) {
            int[] fieldLengths = counts.get(d).lengths();
            lengths[d] = fieldLengths;
            for (int f = 0; f < FIELDS; f++) {
                totals[f] += fieldLengths[f];
            }
        }
        double[] average = new double[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            average[f] = counts.isEmpty() ? 1 : Math.max(1.0, totals[f] / counts.size());
        }
        Map<String, IntList> byTerm = new HashMap<>();
        for (int d = 0; d < counts.size(); d++) {
            TermCounts doc = counts.get(d);
            int[] tfs = doc.tf();
            for (int t = 0; t < doc.terms().length; t++) {
                double score = 0;
                for (int f = 0; f < FIELDS; f++) {
                    int tf = tfs[t * FIELDS + f];
                    if (tf > 0) {
                        double norm = 1 - B + B * lengths[d][f] / average[f];
                        score += FIELD_WEIGHTS[f] * tf * (K1 + 1) / (tf + K1 * norm);
                    }
                }
                int impact = (int) Math.max(1, Math.round(score * IMPACT_SCALE));
                // Documents are visited in id order, so each list comes out sorted by doc.
                byTerm.computeIfAbsent(doc.terms()[t], k -> new IntList()).add(d, impact);
            }
        }
        String[] terms = byTerm.keySet().toArray(new String[0]);
        java.util.Arrays.sort(terms);
        int[][] postings = new int[terms.length][];
        for (int i = 0; i < terms.length; i++) {
            postings[i] = byTerm.get(terms[i]).toArray();
        }
        return new InvertedIndex(terms, postings);
    }

    /** A growable int array: two ints per posting instead of an object and a list slot. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int a, int b) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /**
     * One document's distinct terms, their counts per field ({@code tf[t * FIELDS + f]})
     * and each field's length in terms.
     */
    record TermCounts(String[] terms, int[] tf, int[] lengths) {

        /** For the page cache: the terms joined by newlines (a term never holds one), then every count. */
        void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
            dev.runbook.core.PageCacheFile.writeString(out, String.join("\n", terms));
            for (int n : tf) {
                writeCount(out, n);
            }
            for (int n : lengths) {
                writeCount(out, n);
            }
        }

        static TermCounts readFrom(java.io.DataInputStream in) throws java.io.IOException {
            String joined = dev.runbook.core.PageCacheFile.readString(in);
            if (joined == null) {
                throw new java.io.IOException("no terms");
            }
            String[] terms = joined.isEmpty() ? new String[0] : joined.split("\n", -1);
            int[] tf = new int[terms.length * FIELDS];
            for (int i = 0; i < tf.length; i++) {
                tf[i] = readCount(in);
            }
            int[] lengths = new int[FIELDS];
            for (int i = 0; i < FIELDS; i++) {
                lengths[i] = readCount(in);
            }
            return new TermCounts(terms, tf, lengths);
        }

        /** Unsigned LEB128: counts are small, one byte each almost always. */
        private static void writeCount(java.io.DataOutputStream out, int n) throws java.io.IOException {
            if (n < 0) {
                throw new java.io.IOException("negative count " + n);
            }
            while (n >= 0x80) {
                out.writeByte((n & 0x7f) | 0x80);
                n >>>= 7;
            }
            out.writeByte(n);
        }

        private static int readCount(java.io.DataInputStream in) throws java.io.IOException {
            int n = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int b = in.readUnsignedByte();
                n |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    return n;
                }
            }
            throw new java.io.IOException("bad count");
        }
    }

    static TermCounts termCounts(SearchDocument doc) {
        Map<String, int[]> tf = new HashMap<>();
        int[] fieldLengths = new int[FIELDS];
        fieldLengths[TITLE] = count(tf, TITLE, doc.title());
        StringBuilder headings = new StringBuilder(doc.description());
        doc.services().forEach(s -> headings.append('\n').append(s));
        doc.tags().forEach(t -> headings.append('\n').append(t));
        if (doc.severity() != null) {
            headings.append('\n').append(doc.severity());
        }
        StringBuilder body = new StringBuilder();
        for (SearchDocument.Section section : doc.sections()) {
            headings.append('\n').append(section.heading());
            body.append('\n').append(section.text());
        }
        fieldLengths[HEADINGS] = count(tf, HEADINGS, headings.toString());
        fieldLengths[ALERT] = count(tf, ALERT, doc.alert());
        fieldLengths[BODY] = count(tf, BODY, body.toString());
        String[] terms = new String[tf.size()];
        int[] flat = new int[tf.size() * FIELDS];
        int t = 0;
        for (Map.Entry<String, int[]> e : tf.entrySet()) {
            terms[t] = e.getKey();
            System.arraycopy(e.getValue(), 0, flat, t * FIELDS, FIELDS);
            t++;
        }
        return new TermCounts(terms, flat, fieldLengths);
    }

    private static int count(Map<String, int[]> tf, int field, String text) {
        int[] n = new int[1];
        SearchTokenizer.indexTerms(text, term -> {
            tf.computeIfAbsent(term, k -> new int[FIELDS])[field]++;
            n[0]++;
        });
        return n[0];
    }

    /** Gap-encoded doc id, impact, doc gap, impact, … (see {@link PostingsCodec}). */
    static String encode(int[] pairs) {
        StringBuilder out = new StringBuilder(pairs.length * 2);
        int previous = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            PostingsCodec.appendNumber(out, pairs[i] - previous);
            PostingsCodec.appendNumber(out, pairs[i + 1]);
            previous = pairs[i];
        }
        return out.toString();
    }
}
