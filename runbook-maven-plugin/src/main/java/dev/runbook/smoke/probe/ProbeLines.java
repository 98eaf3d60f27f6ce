package dev.runbook.smoke.probe;

import java.util.List;

/** A smoke block's body lines with their file positions, and a cursor that probe parsers move forward. */
public final class ProbeLines {

    /** A body line and where it sits in the file. */
    public static final class Line {
        private final int fileLine;
        private final int indentInFile;
        private final String text;
        private final int leading;

        public Line(int fileLine, int indentInFile, String text) {
            this.fileLine = fileLine;
            this.indentInFile = indentInFile;
            this.text = text;
            int l = 0;
            while (l < text.length() && Character.isWhitespace(text.charAt(l))) {
                l++;
            }
            this.leading = l;
        }

        public int fileLine() {
            return fileLine;
        }

        /** The line as written, indentation included. */
        public String text() {
            return text;
        }

        public String trimmed() {
            return text.strip();
        }

        /** File column of an offset into {@link #trimmed()}. */
        public int column(int offsetInTrimmed) {
            return indentInFile + leading + offsetInTrimmed + 1;
        }

        /** Blank lines and {@code #} comments. */
        public boolean isSkippable() {
            String t = trimmed();
            return t.isEmpty() || t.startsWith("#");
        }
    }

    private final List<Line> lines;
    private int index;

    public ProbeLines(List<Line> lines, int start) {
        this.lines = List.copyOf(lines);
        this.index = start;
    }

    /** Whether the cursor is past the last line. */
    public boolean atEnd() {
        return index >= lines.size();
    }

    /** The line at the cursor. */
    public Line current() {
        return lines.get(index);
    }

    /** The line at the cursor, moving the cursor past it. */
    public Line next() {
        return lines.get(index++);
    }

    public int position() {
        return index;
    }

    /** {@code "abc…"} at most 80 characters, for messages that quote a line. */
    public static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
