package dev.runbook.validate;

import dev.runbook.core.RunLog;
import dev.runbook.load.LoadedContent;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What every rule may look at besides the runbook in hand: all the content (for cross-page links), the
 * build date (for review deadlines), where to keep caches, and the log for progress lines. Rule-specific
 * configuration lives in each rule's constructor, not here.
 */
public record ValidationContext(LoadedContent content, LocalDate buildDate, Path workDirectory, RunLog log) {
}
