package dev.runbook.validate.syntax;

import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;

/**
 * Maps a place in a code block's body to a place in the Markdown file. A fence inside a list item or a
 * block quote has its indentation (or {@code > }) stripped from the body; the file line still has it, so
 * the column is the body column plus whatever precedes the body line in the file line.
 */
public final class CodeColumns {

    private CodeColumns() {
    }

    /** Position of the 0-based char {@code offset} in 0-based body line {@code bodyLine}. */
    public static SourcePosition at(Runbook runbook, CodeBlock block, int bodyLine, int offset) {
        int fileLine = block.fileLine(bodyLine);
        return new SourcePosition(fileLine, prefixWidth(runbook, block, bodyLine) + Math.max(0, offset) + 1);
    }

    /** How many chars precede the body line's text in the file line. */
    public static int prefixWidth(Runbook runbook, CodeBlock block, int bodyLine) {
        var lines = block.lines();
        if (bodyLine < 0 || bodyLine >= lines.size()) {
            return 0;
        }
        String inFile = runbook.source().line(block.fileLine(bodyLine));
        String inBody = lines.get(bodyLine);
        return inFile.endsWith(inBody) ? inFile.length() - inBody.length() : 0;
    }
}
