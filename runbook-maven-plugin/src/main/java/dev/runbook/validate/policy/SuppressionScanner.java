package dev.runbook.validate.policy;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.model.SourceText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the suppression comments in a runbook. A comment alone on its line(s) covers the next block
 * (paragraph, list, table, code fence, heading: all its lines); a comment after text on a line covers
 * that line. Comments inside code blocks are code, not suppressions.
 */
public final class SuppressionScanner {

    /**
     * Only the opening is a pattern; the closing "-->" is found with indexOf. A lazy {@code (.*?)-->}
     * rescans to the end of the file from every unclosed comment: quadratic on a hostile page.
     */
    private static final Pattern OPENING = Pattern.compile("<!--\\s*runbook-ignore\\b");
    private static final String CLOSING = "-->";

    public List<Suppression> scan(Runbook runbook) {
        SourceText source = runbook.source();
        String text = source.text();
        List<Suppression> out = new ArrayList<>();
        if (!text.contains("runbook-ignore")) { // most pages have none: one vectorised search, no regex
            return out;
        }
        Matcher m = OPENING.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int close = text.indexOf(CLOSING, m.end());
            if (close < 0) {
                break;
            }
            from = close + CLOSING.length();
            SourcePosition start = source.positionOf(m.start());
            SourcePosition end = source.positionOf(from);
            if (insideCode(runbook, start.line())) {
                continue;
            }
            String body = text.substring(m.end(), close).strip();
            int colon = body.indexOf(':');
            String names = colon < 0 ? body : body.substring(0, colon);
            String reason = colon < 0 ? "" : body.substring(colon + 1).strip();
            Set<String> rules = new LinkedHashSet<>(Arrays.asList(names.strip().split("[\\s,]+")));
            rules.remove("");
            boolean alone = source.line(start.line()).substring(0, start.column() - 1).isBlank()
                    && source.line(end.line()).substring(Math.min(end.column() - 1, source.line(end.line()).length())).isBlank();
            int[] range = alone ? nextBlock(runbook, end.line()) : new int[] {start.line(), end.line()};
            out.add(new Suppression(runbook.relativePath(), rules, reason, start, range[0], range[1]));
        }
        return out;
    }

    private static boolean insideCode(Runbook runbook, int line) {
        for (CodeBlock block : runbook.codeBlocks()) {
            int first = block.bodyStartLine();
            int last = first + Math.max(0, block.lines().size() - 1);
            if (!block.lines().isEmpty() && line >= first && line <= last) {
                return true;
            }
        }
        return false;
    }

    /** The lines of the outermost block that starts on the first non-blank line after {@code afterLine}. */
    private static int[] nextBlock(Runbook runbook, int afterLine) {
        SourceText source = runbook.source();
        int line = afterLine + 1;
        while (line <= source.lineCount() && source.line(line).isBlank()) {
            line++;
        }
        if (line > source.lineCount()) {
            return new int[] {afterLine, afterLine};
        }
        int lastLine = line;
        for (Node node : runbook.document().getDescendants()) {
            if (!(node instanceof Block) || node.getTextLength() == 0) {
                continue;
            }
            int startLine = source.positionOf(node.getStartOffset()).line();
            if (startLine == line) {
                int endOffset = Math.max(node.getStartOffset(), node.getEndOffset() - 1);
                lastLine = Math.max(lastLine, source.positionOf(endOffset).line());
            }
        }
        return new int[] {line, lastLine};
    }
}
