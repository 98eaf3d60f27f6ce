package dev.runbook.validate.placeholders;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;

import java.util.List;
import java.util.Set;

/**
 * {@code placeholder.fill-in} (warning): template text nobody filled in, such as {@code [app-name]},
 * {@code <your-project>}, {@code <project-id>}, {@code YOUR_PROJECT_ID}, {@code CHANGEME}, {@code [URL]},
 * {@code [Name/Phone/Slack]}, {@code <INSERT token>} or {@code xxx.xxx.xxx}, in prose, tables and code.
 * See {@link FillInFinder} for exactly what matches and what is deliberately left alone (link texts,
 * reference definitions, HTML tags, {@code <value>} synopsis words, redirections, generics, YAML lists).
 * Angle-bracket forms are not checked in HTML/XML-like fences, where they are tags.
 */
public final class FillInPlaceholderRule implements Rule {

    public static final String ID = "placeholder.fill-in";

    private static final Set<String> MARKUP = Set.of("html", "xml", "svg", "xhtml", "jsx", "tsx", "vue", "markdown",
            "md", "gohtml", "jinja", "jinja2", "j2", "erb", "handlebars", "hbs", "mustache");

    private final FillInFinder finder;

    public FillInPlaceholderRule(RuleSettings settings) {
        this.finder = new FillInFinder(settings.extraFillInPatterns());
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "template text nobody filled in: [app-name], <your-project>, YOUR_PROJECT_ID, CHANGEME, [URL]");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Its findings on a page depend on that page alone: validate keeps them per page. */
    @Override
    public String perPageKey(ValidationContext context) {
        return "";
    }

    @Override
    public void check(Runbook runbook, ValidationContext context, FindingSink sink) {
        for (RunbookLines.Line line : RunbookLines.of(runbook)) {
            List<PlaceholderMatch> found = line.isCode()
                    ? finder.inCode(line.text(), MARKUP.contains(line.block().language()))
                    : finder.inProse(line.fullyMasked());
            for (PlaceholderMatch match : found) {
                sink.report(this, runbook, new SourcePosition(line.number(), match.start() + 1),
                        "fill-in placeholder " + match.text() + (line.isCode() ? " in a code block" : "")
                                + " was never replaced",
                        line.isCode()
                                ? "put the real value in, or write it as a variable the reader sets first (export PROJECT_ID=…)"
                                : "replace " + match.text() + " with the real value");
            }
        }
    }
}
