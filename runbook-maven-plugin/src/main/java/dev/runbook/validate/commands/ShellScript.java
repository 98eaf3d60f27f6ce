package dev.runbook.validate.commands;

import dev.runbook.model.CodeBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of a shell fence as bash would see them, each line remembering where it came from in the
 * block. In a {@code console} fence only prompt lines ({@code $ }, root {@code # }, {@code user@host:~$ })
 * and their continuations ({@code \} line ends, {@code > } PS2 prompts) are commands; everything else is
 * output. A plain shell fence that uses {@code $ } prompts is read the same way (with {@code $} only, since
 * {@code #} is a comment there), so its output lines are not parsed as commands.
 */
record ShellScript(List<Line> lines) {

    /** A command line: its text, its 0-based line in the block body and the offset of its text in that line. */
    record Line(String text, int bodyLine, int offset) {
    }

    /** Possessive quantifiers: the same prompts, without the polynomial backtracking on a long line of words. */
    private static final Pattern CONSOLE_PROMPT = Pattern.compile(
            "^(\\s*+(?:\\(?[\\w.-]++\\)?\\s*+)?(?:\\[?[\\w.-]++@[\\w.-]++[^$#\\]]*+\\]?\\s*+)?[$#]\\s++)\\S");
    /** {@code $ }, also after a shell or user name as in {@code sh-5.1$ } or {@code user@host:~$ }. */
    static final Pattern DOLLAR_PROMPT = Pattern.compile("^(\\s*(?:[\\w.@:~/-]+)?\\$\\s+)\\S");

    static boolean hasDollarPrompts(CodeBlock block) {
        return block.lines().stream().anyMatch(l -> DOLLAR_PROMPT.matcher(l).find());
    }

    static ShellScript of(CodeBlock block) {
        List<String> body = block.lines();
        if ("console".equals(block.language())) {
            return prompted(body, CONSOLE_PROMPT);
        }
        if (hasDollarPrompts(block)) {
            return prompted(body, DOLLAR_PROMPT);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            lines.add(new Line(body.get(i), i, 0));
        }
        return new ShellScript(lines);
    }

    private static final Pattern HEREDOC = Pattern.compile("(?<![<])<<(-?)[ \\t]*(['\"]?)([A-Za-z_][\\w.-]*)\\2");

    private static ShellScript prompted(List<String> body, Pattern prompt) {
        List<Line> lines = new ArrayList<>();
        boolean continuing = false;
        String heredocEnd = null;
        for (int i = 0; i < body.size(); i++) {
            String raw = body.get(i);
            if (heredocEnd != null) {
                // A heredoc body pasted after a prompt line is shown with or without "> " prompts.
                String stripped = raw.startsWith("> ") ? raw.substring(2) : raw.equals(">") ? "" : raw;
                lines.add(new Line(stripped, i, raw.length() - stripped.length()));
                if (stripped.strip().equals(heredocEnd)) {
                    heredocEnd = null;
                    continuing = nextIsPs2(body, i);
                }
                continue;
            }
            if (continuing) {
                String stripped = raw.startsWith("> ") ? raw.substring(2) : raw.equals(">") ? "" : raw;
                int offset = raw.length() - stripped.length();
                lines.add(new Line(stripped, i, offset));
                heredocEnd = heredocIn(stripped);
                continuing = endsWithContinuation(stripped) || nextIsPs2(body, i);
                continue;
            }
            Matcher m = prompt.matcher(raw);
            if (m.find() && !commentOrMetricsLine(m.group(1), raw.substring(m.end(1)))) {
                int offset = m.end(1);
                String text = raw.substring(offset);
                lines.add(new Line(text, i, offset));
                heredocEnd = heredocIn(text);
                continuing = endsWithContinuation(text) || nextIsPs2(body, i);
            }
        }
        return new ShellScript(lines);
    }

    /**
     * A root prompt and a comment look alike. Prometheus metrics output ({@code # HELP}, {@code # TYPE}) and
     * notes ({@code # Note: …}, {@code # NOTE …}) are not commands.
     */
    private static boolean commentOrMetricsLine(String prompt, String rest) {
        return prompt.strip().equals("#") && (rest.matches("^[A-Z]{2,}\\b.*") || rest.matches("^[^\\s:]+:(\\s.*|$)"));
    }

    private static String heredocIn(String text) {
        Matcher m = HEREDOC.matcher(text);
        return m.find() && LanguageSniffer.quoteStateAfter(text.substring(0, m.start()), (char) 0) == 0 ? m.group(3) : null;
    }

    private static boolean nextIsPs2(List<String> body, int i) {
        return i + 1 < body.size() && (body.get(i + 1).startsWith("> ") || body.get(i + 1).equals(">"));
    }

    static boolean endsWithContinuation(String text) {
        String trimmed = text.stripTrailing();
        return trimmed.endsWith("\\") || trimmed.endsWith("|") || trimmed.endsWith("&&") || trimmed.endsWith("||");
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }

    /** The script with fill-in slots read as plain words ({@link Neutraliser}), columns unchanged: what parsers see. */
    String neutralText() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(Neutraliser.neutralise(line.text())).append('\n');
        }
        return out.toString();
    }

    boolean isEmpty() {
        return lines.stream().allMatch(l -> l.text().isBlank());
    }
}
