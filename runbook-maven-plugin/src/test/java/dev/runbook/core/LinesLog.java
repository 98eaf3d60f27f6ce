package dev.runbook.core;

import java.util.List;

/** A {@link RunLog} for tests: each message becomes a line "INFO …", "WARN …" (errors too) or "DEBUG …". */
public final class LinesLog implements RunLog {

    private final List<String> lines;
    private final boolean debug;

    /** Keeps every level, debug included. */
    public LinesLog(List<String> lines) {
        this(lines, true);
    }

    private LinesLog(List<String> lines, boolean debug) {
        this.lines = lines;
        this.debug = debug;
    }

    /** Keeps info and warnings only, for tests whose debug lines would be noise. */
    public static LinesLog withoutDebug(List<String> lines) {
        return new LinesLog(lines, false);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        if (debug) {
            lines.add("DEBUG " + message);
        }
    }
}
