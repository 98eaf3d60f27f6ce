package dev.runbook.validate.placeholders;

/** A placeholder found in one line: {@code [start, end)} are char offsets in that line. */
public record PlaceholderMatch(int start, int end, String text) {
}
