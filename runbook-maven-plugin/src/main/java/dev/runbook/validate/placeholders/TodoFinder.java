package dev.runbook.validate.placeholders;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds TODO-style markers in one line. Upper-case words match only as whole words: not inside longer
 * tokens ({@code TODOS}, {@code TODO_LIST}, {@code mktemp XXXXXX}, {@code X-XXX-Token}), not as a folder or a
 * file with an extension ({@code /srv/TODO/}, {@code notes/TODO.md}); a last path part does count, since
 * {@code deploy/TODO} is a resource someone forgot to name. Lower-case {@code todo:} counts only where someone writes a
 * note: at the start of a prose line or right after a comment marker, so {@code todo: true} in YAML and
 * words like {@code todo-app} never match. URLs are masked by the caller.
 */
public final class TodoFinder {

    private static final Pattern LOWER_CASE_NOTE = Pattern.compile(
            "(?i)^(\\s*(?:[-*+>]\\s+|\\d+[.)]\\s+)?(?:#+|//|--|/\\*|<!--)?\\s*)(todo|tbd|fixme)\\s*:");
    private static final Pattern LOWER_CASE_COMMENT = Pattern.compile(
            "(?i)(?:^|\\s)(?:#+|//|--|/\\*|<!--)\\s*(todo|tbd|fixme)\\s*:");

    private static final List<String> LOWER_CASE_WORDS = List.of("todo", "tbd", "fixme");

    private final List<String> todoWords;
    private final Pattern words;
    private final List<Pattern> extra;

    public TodoFinder(List<String> todoWords, List<Pattern> extra) {
        this.todoWords = List.copyOf(todoWords);
        String alternatives = todoWords.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.words = Pattern.compile("(?<![\\w.$@-])(?:" + alternatives + ")(?![\\w/-]|\\.\\w)");
        this.extra = List.copyOf(extra);
    }

    // The patterns below try a look-behind at every position of every line; most lines hold none of the
    // words, and a plain search says so many times faster (a quarter of validate's time at 10,000 pages).
    // Each check is implied by its pattern, so skipping the pattern when it fails changes no result.

    private boolean mayHoldWord(String line) {
        for (String word : todoWords) {
            if (line.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldLowerCaseNote(String line) {
        if (line.indexOf(':') < 0) {
            return false;
        }
        for (String word : LOWER_CASE_WORDS) {
            if (Text.containsIgnoreCase(line, word)) {
                return true;
            }
        }
        return false;
    }

    /** Markers in a prose line (Markdown text, headings, tables). */
    public List<PlaceholderMatch> inProse(String maskedLine) {
        List<PlaceholderMatch> found = find(maskedLine);
        if (mayHoldLowerCaseNote(maskedLine)) {
            Matcher note = LOWER_CASE_NOTE.matcher(maskedLine);
            if (note.find()) {
                PlaceholderMatch.addUnlessOverlapping(found, note.start(2), note.end(2), maskedLine);
            }
        }
        return PlaceholderMatch.inLineOrder(found);
    }

    /** Markers in a line of code; lower-case forms only inside comments. */
    public List<PlaceholderMatch> inCode(String line) {
        List<PlaceholderMatch> found = find(line);
        if (mayHoldLowerCaseNote(line)) {
            Matcher note = LOWER_CASE_COMMENT.matcher(line);
            while (note.find()) {
                PlaceholderMatch.addUnlessOverlapping(found, note.start(1), note.end(1), line);
            }
        }
        return PlaceholderMatch.inLineOrder(found);
    }

    private List<PlaceholderMatch> find(String line) {
        List<PlaceholderMatch> found = new ArrayList<>();
        if (mayHoldWord(line)) {
            Matcher m = words.matcher(line);
            while (m.find()) {
                PlaceholderMatch.addUnlessOverlapping(found, m.start(), m.end(), line);
            }
        }
        PlaceholderMatch.addMatchesOf(extra, found, line);
        return found;
    }
}
