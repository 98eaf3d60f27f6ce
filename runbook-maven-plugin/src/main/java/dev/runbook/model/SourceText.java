package dev.runbook.model;

import java.util.Arrays;

/**
 * The decoded text of one file with what the decoder saw on the way: a byte-order mark, bytes that are
 * not UTF-8, and which line endings it uses. Offsets into {@link #text()} map to line:column.
 */
public final class SourceText {

    public static final String UTF_8 = "UTF-8";

    private final String encoding;
    private final String text;
    private final boolean byteOrderMark;
    private final SourcePosition firstInvalidByte;
    /**
     * Where each line starts and how lines end, counted on first use: a page answered from the page cache
     * rarely asks for a position, and at 10,000 pages the scan of every page's text was a tenth of loading them.
     */
    private volatile LineIndex lines;

    private record LineIndex(int[] starts, int lf, int crlf, int cr) {

        static LineIndex of(String text) {
            int[] starts = new int[16];
            int count = 0;
            starts[count++] = 0;
            int lf = 0;
            int crlf = 0;
            int cr = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        crlf++;
                        i++;
                    } else {
                        cr++;
                    }
                } else if (c == '\n') {
                    lf++;
                } else {
                    continue;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            return new LineIndex(Arrays.copyOf(starts, count), lf, crlf, cr);
        }
    }

    public SourceText(String text, boolean byteOrderMark, SourcePosition firstInvalidByte) {
        this(text, byteOrderMark, firstInvalidByte, UTF_8);
    }

    /** @param encoding the encoding the file was read in: {@link #UTF_8}, or the UTF-16 its byte-order mark named */
    public SourceText(String text, boolean byteOrderMark, SourcePosition firstInvalidByte, String encoding) {
        this.encoding = encoding;
        this.text = text;
        this.byteOrderMark = byteOrderMark;
        this.firstInvalidByte = firstInvalidByte;
    }

    private LineIndex lines() {
        LineIndex index = lines;
        if (index == null) { // two threads may both count; the results are equal and immutable
            index = LineIndex.of(text);
            lines = index;
        }
        return index;
    }

    /** Convenience for text that came from a clean UTF-8 decode. */
    public static SourceText of(String text) {
        return new SourceText(text, false, null);
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lines().starts().length;
    }

    /** "UTF-8", or "UTF-16LE"/"UTF-16BE" for a file that starts with that byte-order mark. */
    public String encoding() {
        return encoding;
    }

    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** Where the first byte that is not valid UTF-8 sits, or null when the file decoded cleanly. */
    public SourcePosition firstInvalidByte() {
        return firstInvalidByte;
    }

    public boolean validUtf8() {
        return firstInvalidByte == null;
    }

    public int lfLineEndings() {
        return lines().lf();
    }

    public int crlfLineEndings() {
        return lines().crlf();
    }

    public int crLineEndings() {
        return lines().cr();
    }

    /** Position of a char offset; offsets past the end clamp to the end. */
    public SourcePosition positionOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int[] lineStarts = lines().starts();
        int index = Arrays.binarySearch(lineStarts, clamped);
        int line = index >= 0 ? index : -index - 2;
        return new SourcePosition(line + 1, clamped - lineStarts[line] + 1);
    }

    /** Offset of the first char of a 1-based line. */
    public int lineStartOffset(int line) {
        int[] lineStarts = lines().starts();
        return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
    }

    /** The text of a 1-based line without its line ending. */
    public String line(int line) {
        int start = lineStartOffset(line);
        int[] lineStarts = lines().starts();
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }
}
