package dev.runbook.smoke.parse;

import dev.runbook.model.CodeBlock;
import dev.runbook.smoke.check.SmokeCheck;

import java.util.List;

/** One smoke fence: the check when it parsed, else the errors (at least one). */
public record BlockParse(String runbookPath, CodeBlock block, SmokeCheck check, List<SmokeSyntaxError> errors) {

    public BlockParse {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return check != null;
    }
}
