/**
 * Files to model: walks the content folder once (the files {@link dev.runbook.load.LoadOptions} select), decodes, parses Markdown and front-matter, and hands out
 * {@link dev.runbook.load.LoadedContent} (shared by the goals of one build through its cache). May import
 * {@code core}, {@code model} and {@code findings}.
 */
package dev.runbook.load;
