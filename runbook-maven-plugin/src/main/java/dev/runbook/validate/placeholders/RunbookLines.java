package dev.runbook.validate.placeholders;

import dev.runbook.model.CodeBlock;
import dev.runbook.model.Heading;
import dev.runbook.model.Runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every line of a runbook file, classified as prose, code (with its block) or fence, with prose lines masked
 * so that placeholder patterns never look inside URLs, link destinations, reference definitions or HTML
 * comments. Masking replaces chars with spaces, so offsets stay file columns.
 */
final class RunbookLines {

    /** One line; {@code block} is null for prose and fence lines. */
    record Line(int number, String text, String urlMasked, String fullyMasked, CodeBlock block) {
        boolean isCode() {
            return block != null;
        }
    }

    /** A suppression comment may name the rule and say why ("TODO section tracked in OPS-12"); it is not content. */
    private static final Pattern SUPPRESSION_HEAD = Pattern.compile("<!--\\s*runbook-ignore\\b");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|file)://[^\\s<>\"'`)\\]]+");
    // Possessive and stopping at brackets: from every "](" the scan ends at the next bracket, so a line of
    // "](" repeated stays linear (it was quadratic). Destinations with parentheses are rare; URLs are blanked above.
    private static final Pattern LINK_DESTINATION = Pattern.compile("\\]\\([^()\\[\\]\\s]*+(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:\\s*\\S.*$");
    private static final Pattern SHORTCUT_REFERENCE = Pattern.compile("(?<!\\])\\[([^\\[\\]]+)\\](?![(\\[:])");
    private static final Pattern CLOSING_FENCE = Pattern.compile("`{3,}|~{3,}");
    /**
     * The text of an inline link with a real destination: it names the page or section it points at
     * ({@code [the TODO page's format](todo-format.md)}), it is not a marker someone left. A link to nowhere
     * ({@code [TODO]()}, {@code [TODO](#)}) keeps its text checked.
     */
    private static final Pattern LINK_TEXT = Pattern.compile("(?<!!)\\[([^\\[\\]]++)\\]\\((?!#?\\))[^()\\s]++(?:\\s++\"[^\"]*+\")?\\)");

    private RunbookLines() {
    }

    static List<Line> of(Runbook runbook) {
        var source = runbook.source();
        int count = source.lineCount();
        CodeBlock[] codeAt = new CodeBlock[count + 2];
        boolean[] fence = new boolean[count + 2];
        for (CodeBlock block : runbook.codeBlocks()) {
            int lines = block.lines().size();
            for (int i = 0; i < lines; i++) {
                int n = block.fileLine(i);
                if (n <= count) {
                    codeAt[n] = block;
                }
            }
            if (block.fenced()) {
                int open = block.position().line();
                int close = block.bodyStartLine() + lines;
                if (open <= count) {
                    fence[open] = true;
                }
                if (close <= count && close > open && CLOSING_FENCE.matcher(source.line(close).strip()).matches()) {
                    fence[close] = true;
                }
            }
        }
        Set<String> referenceLabels = new HashSet<>();
        for (int n = 1; n <= count; n++) {
            if (codeAt[n] == null && mayDefineReference(source.line(n))) {
                Matcher m = REFERENCE_DEFINITION.matcher(source.line(n));
                if (m.matches()) {
                    referenceLabels.add(m.group(1).strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        int repeatedTitle = lineOfH1RepeatingTheTitle(runbook);
        List<Line> out = new ArrayList<>(count);
        boolean inComment = false;
        for (int n = 1; n <= count; n++) {
            String text = source.line(n);
            if (codeAt[n] != null) {
                out.add(new Line(n, text, text, text, codeAt[n]));
                continue;
            }
            if (fence[n] || n == repeatedTitle) {
                String blank = " ".repeat(text.length());
                out.add(new Line(n, text, blank, blank, null));
                continue;
            }
            // Most prose lines have nothing to mask; each pattern runs only where the text it needs is there
            // (the patterns try a look-behind or a case-insensitive scheme at every position otherwise).
            if (!inComment && text.indexOf('<') < 0 && text.indexOf(':') < 0 && text.indexOf("](") < 0
                    && (referenceLabels.isEmpty() || text.indexOf('[') < 0)) {
                out.add(new Line(n, text, text, text, null));
                continue;
            }
            char[] urls = text.toCharArray();
            if (text.contains("<!--")) {
                blankSuppressions(urls, text);
            }
            if (text.contains("://")) {
                blank(urls, URL, text);
            }
            if (text.contains("](")) {
                Matcher linkText = LINK_TEXT.matcher(text);
                while (linkText.find()) {
                    java.util.Arrays.fill(urls, linkText.start(1), linkText.end(1), ' ');
                }
                blank(urls, LINK_DESTINATION, text);
            }
            char[] full = urls.clone();
            if (mayDefineReference(text) && REFERENCE_DEFINITION.matcher(text).matches()) {
                java.util.Arrays.fill(full, ' ');
                java.util.Arrays.fill(urls, ' ');
            }
            inComment = blankComments(full, text, inComment);
            if (!referenceLabels.isEmpty() && text.indexOf('[') >= 0) {
                Matcher shortcut = SHORTCUT_REFERENCE.matcher(text);
                while (shortcut.find()) {
                    if (referenceLabels.contains(shortcut.group(1).strip().toLowerCase(Locale.ROOT))) {
                        java.util.Arrays.fill(full, shortcut.start(), shortcut.end(), ' ');
                    }
                }
            }
            out.add(new Line(n, text, new String(urls), new String(full), null));
        }
        return out;
    }

    /**
     * The file line of the H1 that repeats the front-matter title, or -1. The title line is reported; the
     * H1 saying it again would be a second finding for the same words (front-matter title before H1).
     */
    private static int lineOfH1RepeatingTheTitle(Runbook runbook) {
        String title = runbook.frontMatter().title();
        if (title == null || !runbook.frontMatter().keyPositions().containsKey("title")) {
            return -1;
        }
        for (Heading heading : runbook.headings()) {
            if (heading.level() == 1 && heading.text().strip().equalsIgnoreCase(title.strip())) {
                return heading.position().line();
            }
        }
        return -1;
    }

    /** What {@link #REFERENCE_DEFINITION} needs: a "]:" after a '['. */
    private static boolean mayDefineReference(String line) {
        int close = line.indexOf("]:");
        return close > 0 && line.lastIndexOf('[', close) >= 0;
    }

    /**
     * Blanks {@code <!-- runbook-ignore … -->} comments (the pattern {@code <!--\s*runbook-ignore\b.*?-->}) in linear time: a
     * lazy body would rescan to the line end from every opener when no {@code -->} follows.
     */
    private static void blankSuppressions(char[] chars, String text) {
        int from = 0;
        while (true) {
            int open = text.indexOf("<!--", from);
            if (open < 0) {
                return;
            }
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                return; // no later opener can be closed either
            }
            Matcher head = SUPPRESSION_HEAD.matcher(text).region(open, close);
            if (head.lookingAt()) {
                java.util.Arrays.fill(chars, open, close + 3, ' ');
                from = close + 3;
            } else {
                from = open + 1;
            }
        }
    }

    private static void blank(char[] chars, Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                chars[i] = ' ';
            }
        }
    }

    /** Blanks HTML comments, which may span lines; returns whether a comment is still open at the line end. */
    private static boolean blankComments(char[] chars, String text, boolean open) {
        int i = 0;
        boolean inside = open;
        while (i < text.length()) {
            if (inside) {
                int end = text.indexOf("-->", i);
                int stop = end < 0 ? text.length() : end + 3;
                for (int k = i; k < stop; k++) {
                    chars[k] = ' ';
                }
                if (end < 0) {
                    return true;
                }
                inside = false;
                i = stop;
            } else {
                int start = text.indexOf("<!--", i);
                if (start < 0) {
                    return false;
                }
                inside = true;
                i = start;
            }
        }
        return inside;
    }
}
