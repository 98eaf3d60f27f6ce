package dev.runbook.smoke.parse;

/** Thrown inside the parser to stop at the first error of a line; always caught and turned into a finding. */
final class SyntaxException extends Exception {

    private final transient SmokeSyntaxError error;

    SyntaxException(int line, int column, String message, String hint) {
        super(message, null, false, false);
        this.error = new SmokeSyntaxError(line, column, message, hint);
    }

    SmokeSyntaxError error() {
        return error;
    }
}
