package dev.runbook.smoke;

import dev.runbook.core.RunLog;
import dev.runbook.secrets.Redactor;

/** Every line the smoke runner logs passes through the environment's redactor. */
final class RedactingRunLog implements RunLog {

    private final RunLog log;
    private final Redactor redactor;

    RedactingRunLog(RunLog log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void info(String message) {
        log.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        log.warn(redactor.redact(message));
    }

    @Override
    public void error(String message) {
        log.error(redactor.redact(message));
    }

    @Override
    public void debug(String message) {
        log.debug(redactor.redact(message));
    }
}
