package dev.runbook.smoke.probe;

/**
 * Thrown while parsing a smoke block to stop at the first error of a line; always caught by the block
 * parser and turned into a {@code smoke.syntax} finding: where (file line, column), what is wrong, how to fix it.
 */
public final class SyntaxException extends Exception {

    private final int line;
    private final int column;
    private final String hint;

    public SyntaxException(int line, int column, String message, String hint) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.hint = hint;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String hint() {
        return hint;
    }
}
