package dev.runbook.core;

/** Where the core reports progress. The mojo adapts Maven's log; tests collect lines. */
public interface RunLog {

    void info(String message);

    void warn(String message);

    /** A problem that fails the build; shown as Maven's [ERROR]. Defaults to {@link #warn}. */
    default void error(String message) {
        warn(message);
    }

    void debug(String message);

    RunLog SILENT = new RunLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
