package dev.runbook.core;

/**
 * Named instants of the publish sequences (site swap, report set) where a crash-safety test kills the
 * build. A no-op unless the JVM runs with {@code -Drunbook.test.pauseAt=<name>}: then the thread that
 * reaches that instant prints {@code PAUSED <name>} on stdout and waits to be SIGKILLed, so a test can
 * kill a real build at every step instead of guessing with timers.
 */
public final class CrashPoint {

    static final String PROPERTY = "runbook.test.pauseAt";

    private CrashPoint() {
    }

    public static void reached(String name) {
        if (!name.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.out.println("PAUSED " + name);
        System.out.flush();
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                try {
                    forever.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
