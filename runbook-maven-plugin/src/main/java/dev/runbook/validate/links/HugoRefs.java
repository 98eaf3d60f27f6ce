package dev.runbook.validate.links;

import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's {@code {{< ref "x.md" >}}} and {@code {{< relref "x.md#y" >}}} shortcodes. Markdown sees them
 * as text (the space inside breaks the link syntax), so they are found in the source and checked as the
 * link paths they stand for, relative to the page.
 */
public final class HugoRefs {

    private static final Pattern REF = Pattern.compile("\\{\\{[<%]\\s*(?:rel)?ref\\s+\"([^\"]+)\"\\s*[>%]\\}\\}");

    public record Ref(String destination, SourcePosition position) {
    }

    private HugoRefs() {
    }

    public static List<Ref> in(Runbook runbook) {
        List<Ref> refs = new ArrayList<>();
        String text = runbook.source().text();
        if (!text.contains("{{")) { // most pages have no shortcode: one vectorised search, no regex
            return refs;
        }
        Matcher m = REF.matcher(text);
        while (m.find()) {
            SourcePosition at = runbook.source().positionOf(m.start(1));
            if (!insideCode(runbook, at.line())) {
                refs.add(new Ref(m.group(1), at));
            }
        }
        return refs;
    }

    private static boolean insideCode(Runbook runbook, int line) {
        for (CodeBlock block : runbook.codeBlocks()) {
            int lines = block.lines().size();
            if (lines > 0 && line >= block.bodyStartLine() && line < block.bodyStartLine() + lines) {
                return true;
            }
        }
        return false;
    }
}
