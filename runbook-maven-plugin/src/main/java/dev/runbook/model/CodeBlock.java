package dev.runbook.model;

import java.util.List;
import java.util.Map;

/**
 * A code block. {@code language} is the first word of the info string, lower-cased ("" for none and for
 * indented blocks); {@code attributes} come from a brace group such as {@code {name="API health" timeout=5s}}.
 * Body line i (0-based) is line {@code bodyStartLine + i} of the file.
 */
public record CodeBlock(
        String language,
        String info,
        Map<String, String> attributes,
        String body,
        int bodyStartLine,
        SourcePosition position,
        boolean fenced) {

    public CodeBlock {
        attributes = Map.copyOf(attributes);
    }

    public List<String> lines() {
        if (body.isEmpty()) {
            return List.of();
        }
        String trimmed = body.endsWith("\r\n") ? body.substring(0, body.length() - 2)
                : body.endsWith("\n") || body.endsWith("\r") ? body.substring(0, body.length() - 1) : body;
        // By hand rather than split("\r\n|\n|\r"): rules ask for the lines of every block, often, and the
        // regex split was a tenth of validate's time at 10,000 pages.
        List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(trimmed.substring(start, i));
                if (c == '\r' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(trimmed.substring(start));
        return List.copyOf(lines);
    }

    /** Line in the Markdown file of a 0-based body line. */
    public int fileLine(int bodyLineIndex) {
        return bodyStartLine + bodyLineIndex;
    }

    public boolean isSmoke() {
        return "smoke".equals(language);
    }
}
