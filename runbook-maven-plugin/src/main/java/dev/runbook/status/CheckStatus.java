package dev.runbook.status;

import java.time.Instant;

/**
 * The last result of one smoke block of a runbook, for the block's card on the page. Messages are already
 * redacted (they come from {@code smoke-results.json}).
 *
 * @param line        file line of the block's opening fence in the runbook as it is now
 * @param outcome     pass, fail, error or skipped
 * @param message     the resolved values of a failed assertion, the reason a check was skipped; empty on a pass
 * @param environment where it ran
 * @param time        when it ran
 */
public record CheckStatus(int line, String name, String outcome, String message, String environment, Instant time) {

    /** The id of the block's card on its page; the status banner links to it. */
    public String anchor() {
        return anchorOf(line);
    }

    public static String anchorOf(int line) {
        return "check-" + line;
    }

    public boolean problem() {
        return outcome.equals("fail") || outcome.equals("error");
    }
}
