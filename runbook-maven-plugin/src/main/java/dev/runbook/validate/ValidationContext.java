package dev.runbook.validate;

import dev.runbook.core.RunLog;
import dev.runbook.load.LoadedContent;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What every rule may look at besides the runbook in hand: all the content (for cross-page links), the
 * build date (for review deadlines), where to keep caches, the log for progress lines, and the facts rules
 * share within the run ({@link PageFacts}). Rule-specific configuration lives in each rule's constructor, not here.
 */
public record ValidationContext(LoadedContent content, LocalDate buildDate, Path workDirectory, RunLog log,
                                PageFacts facts) {

    /** A context for one run, with no facts made yet. */
    public ValidationContext(LoadedContent content, LocalDate buildDate, Path workDirectory, RunLog log) {
        this(content, buildDate, workDirectory, log, new PageFacts());
    }

    /** The same run over other content (the pages whose per-page findings are not kept), sharing its facts. */
    public ValidationContext over(LoadedContent other) {
        return new ValidationContext(other, buildDate, workDirectory, log, facts);
    }
}
