package dev.runbook.smoke.parse;

/** A smoke block that cannot run: where (file line, column), what is wrong, how to fix it. */
public record SmokeSyntaxError(int line, int column, String message, String hint) {
}
