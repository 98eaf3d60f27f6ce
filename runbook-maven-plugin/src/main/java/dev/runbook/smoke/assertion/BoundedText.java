package dev.runbook.smoke.assertion;

/**
 * A response body that a regular expression may read only so many characters of. An author's
 * {@code expect body matches "(.*a){10}b"} against a staging response of 40 {@code a}s
 * backtracks for a minute (a degree-ten polynomial; one more repetition or a longer body, for hours); the probe's timeout does not cover matching, so the
 * smoke run would hang. Counting reads (not time) gives the same verdict on every machine: a linear
 * pattern reads each character a few times, so the budget is generous for any sane pattern on any body
 * the probe accepts, and a catastrophic one stops within a fraction of a second.
 */
final class BoundedText implements CharSequence {

    /** Reads allowed per match: enough for a linear pattern on the largest body the probe keeps, many times over. */
    static final long DEFAULT_BUDGET = 50_000_000L;

    /** The pattern used up its reads: it backtracks catastrophically on this text. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final int start;
    private final int end;
    private final long[] left;

    BoundedText(String text, long budget) {
        this(text, 0, text.length(), new long[]{budget});
    }

    private BoundedText(String text, int start, int end, long[] left) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.left = left;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (--left[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new BoundedText(text, start + from, start + to, left);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
