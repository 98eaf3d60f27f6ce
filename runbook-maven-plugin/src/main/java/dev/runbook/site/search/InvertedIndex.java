package dev.runbook.site.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    record Posting(int doc, int impact) {
    }

    /** Sorted by term (String order, i.e. UTF-16 code units, the same order as JavaScript's). */
    final TreeMap<String, List<Posting>> postings = new TreeMap<>();

    static InvertedIndex build(List<SearchDocument> docs) {
        // Term counts per document are independent of each other: counted on all cores, in doc order.
        List<TermCounts> counts = docs.parallelStream().map(InvertedIndex::termCounts).toList();
        int[][] lengths = new int[docs.size()][FIELDS];
        double[] totals = new double[FIELDS];
        for (int d = 0; d < docs.size(); d++) {
            int[] fieldLengths = counts.get(d).lengths();
            for (int f = 0; f < FIELDS; f++) {
                lengths[d][f] = fieldLengths[f];
                totals[f] += fieldLengths[f];
            }
        }
        double[] average = new double[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            average[f] = docs.isEmpty() ? 1 : Math.max(1.0, totals[f] / docs.size());
        }
        InvertedIndex index = new InvertedIndex();
        for (int d = 0; d < docs.size(); d++) {
            for (Map.Entry<String, int[]> e : counts.get(d).terms().entrySet()) {
                double score = 0;
                for (int f = 0; f < FIELDS; f++) {
                    int tf = e.getValue()[f];
                    if (tf > 0) {
                        double norm = 1 - B + B * lengths[d][f] / average[f];
                        score += FIELD_WEIGHTS[f] * tf * (K1 + 1) / (tf + K1 * norm);
                    }
                }
                int impact = (int) Math.max(1, Math.round(score * IMPACT_SCALE));
                // Documents are visited in id order, so each list comes out sorted by doc.
                index.postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Posting(d, impact));
            }
        }
        return index;
    }

    /** One document's term -> count per field, and each field's length in terms. */
    private record TermCounts(Map<String, int[]> terms, int[] lengths) {
    }

    private static TermCounts termCounts(SearchDocument doc) {
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
        return new TermCounts(tf, fieldLengths);
    }

    private static int count(Map<String, int[]> tf, int field, String text) {
        int n = 0;
        for (String term : SearchTokenizer.indexTerms(text)) {
            tf.computeIfAbsent(term, k -> new int[FIELDS])[field]++;
            n++;
        }
        return n;
    }

    /** Gap-encoded doc id, impact, doc gap, impact, … (see {@link PostingsCodec}). */
    static String encode(List<Posting> list) {
        StringBuilder out = new StringBuilder(list.size() * 3);
        int previous = 0;
        for (Posting p : list) {
            PostingsCodec.appendNumber(out, p.doc() - previous);
            PostingsCodec.appendNumber(out, p.impact());
            previous = p.doc();
        }
        return out.toString();
    }
}
