package dev.runbook.validate.placeholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds template text that someone forgot to fill in. Prose and code differ:
 * <ul>
 * <li>Angle brackets: {@code <your-…>}, {@code <insert …>}, {@code <replace …>}, {@code <enter …>} and
 * multi-word names of values known when the runbook was written, such as {@code <project-id>} or
 * {@code <team-slack-channel>}; run-time slots such as {@code <pod-name>} are a generic procedure's normal
 * way to say "take it from the alert" and do not count. A single word such as {@code <value>}
 * or {@code <file>} is the usual synopsis convention and a generic such as {@code List<String>} is code, so
 * neither matches; neither does a redirection ({@code < file}, {@code <<EOF}) nor a real HTML tag in prose
 * ({@code <br>}, {@code <details>}, {@code <kbd>}).</li>
 * <li>Square brackets: {@code [your …]}, {@code [insert …]}, well-known slots ({@code [URL]}, {@code [NAME]},
 * {@code [EMAIL]}…) and slash lists ({@code [Name/Phone/Slack]}); in prose also lower-case multi-word slots
 * ({@code [app-name]}). In code, {@code [app-name]} is a YAML list, a TOML/INI section or a regex class,
 * so only the unmistakable forms count there.</li>
 * <li>Words: {@code YOUR_PROJECT_ID}, {@code CHANGEME}/{@code CHANGE_ME}/{@code REPLACE_ME}, dotted
 * {@code xxx.xxx.xxx}; in code also {@code your-project-id}.</li>
 * </ul>
 * The caller masks link destinations, link texts, URLs, reference definitions and HTML comments in prose.
 */
public final class FillInFinder {

    private static final String SLOT_WORDS = "URL|LINK|NAME|EMAIL|E-MAIL|PHONE|DATE|TIME|HOST|HOSTNAME|IP|PORT|"
            + "TEAM|OWNER|SERVICE|PROJECT|CLUSTER|NAMESPACE|REGION|ACCOUNT|TICKET|CHANNEL|SLACK|USER|USERNAME|"
            + "PASSWORD|TOKEN|VALUE|ID|VERSION|ENV|ENVIRONMENT|DASHBOARD|RUNBOOK|CONTACT|DESCRIPTION";

    private static final Pattern ANGLE_WORDS = Pattern.compile(
            "(?<![<\\w])<(?i:your|insert|replace|enter|fill|add|put|change)\\b[^<>\\n]{0,80}>");
    private static final Pattern ANGLE_MULTI = Pattern.compile(
            "(?<![<\\w])<([a-zA-Z][a-zA-Z0-9]*(?:[-_][a-zA-Z0-9]+)+)>");
    /**
     * Slots whose value was known when the runbook was written (the project, the app, the team's channel).
     * Slots for values the reader takes from the alert at run time ({@code <node-name>}, {@code <pod_name>},
     * {@code <vm-name>}) are the normal way to write a generic procedure and are not reported.
     */
    private static final Pattern WRITE_TIME_WORD = Pattern.compile("(?i)(?:^|[-_])(?:your|project|app|application|company|"
            + "org|organi[sz]ation|account|tenant|team|owner|email|mail|slack|channel|dashboard|repo|repository|registry|"
            + "url|website|example|customer|contact|phone|pager|subscription)(?:$|[-_])");
    private static final Pattern BRACKET_WORDS = Pattern.compile(
            "\\[(?i:your|insert|replace|enter|fill in|add|put)\\b[^\\[\\]\\n]{0,80}\\]");
    private static final Pattern BRACKET_SLOT = Pattern.compile(
            "\\[(?:(?:" + SLOT_WORDS + ")(?:[ _-](?:" + SLOT_WORDS + "))*)\\]");
    private static final Pattern BRACKET_SLASH_LIST = Pattern.compile(
            "\\[[A-Z][A-Za-z]*(?:\\s*/\\s*[A-Z][A-Za-z]*)+\\]");
    private static final Pattern SLOT_WORD = Pattern.compile("(?i)[\\[/\\s](?:" + SLOT_WORDS + ")[\\]/\\s]");
    private static final Pattern BRACKET_KEBAB = Pattern.compile("\\[[a-z]{2,}(?:[-_][a-z]{2,})+\\]");
    private static final Pattern WORDS = Pattern.compile(
            "(?<![\\w-])(?:YOUR_[A-Z0-9_]+|YOUR-[A-Z0-9-]+|(?i:CHANGE[_-]?ME|REPLACE[_-]?ME|FILL[_-]?ME[_-]?IN))(?![\\w-])"
            + "|(?<![\\w.])(?i:x{1,3})(?:\\.(?i:x{1,3})){2,}(?![\\w.])");
    private static final Pattern CODE_LOWER_YOUR = Pattern.compile("(?<![\\w-])your[-_][a-z0-9][a-z0-9_-]*");

    /** HTML elements that are fine in Markdown prose; everything else in angle brackets is suspect. */
    private static final Set<String> HTML_TAGS = Set.of("a", "abbr", "b", "br", "code", "dd", "del", "details",
            "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
            "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
            "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "video", "picture", "source",
            "figure", "figcaption", "center", "font", "section", "article", "aside", "nav", "header", "footer");

    private final List<Pattern> extra;

    public FillInFinder(List<Pattern> extra) {
        this.extra = List.copyOf(extra);
    }

    public List<PlaceholderMatch> inProse(String maskedLine) {
        List<PlaceholderMatch> found = new ArrayList<>();
        if (maskedLine.indexOf('<') >= 0) {
            collect(found, ANGLE_WORDS, maskedLine);
            angleMulti(found, maskedLine);
        }
        if (maskedLine.indexOf('[') >= 0) {
            collectBrackets(found, maskedLine, true);
        }
        if (mayHoldWord(maskedLine)) {
            collect(found, WORDS, maskedLine);
        }
        PlaceholderMatch.addMatchesOf(extra, found, maskedLine);
        return PlaceholderMatch.inLineOrder(found);
    }

    // The patterns try a look-behind at every position of every line, and most lines hold no '<', no '['
    // and none of the words: a plain search says so many times faster (a quarter of validate's time at
    // 10,000 pages). Each check is implied by the patterns it guards, so skipping them changes no result.

    /** What {@link #WORDS} needs: YOUR_/YOUR-, change/replace/fill in any case, or a dotted x.x.x. */
    private static boolean mayHoldWord(String line) {
        return line.contains("YOUR") || Text.containsIgnoreCase(line, "change") || Text.containsIgnoreCase(line, "replace")
                || Text.containsIgnoreCase(line, "fill") || line.indexOf('.') >= 0 && (line.indexOf('x') >= 0 || line.indexOf('X') >= 0);
    }

    /** @param markup true for HTML/XML-like languages, where angle brackets are tags */
    public List<PlaceholderMatch> inCode(String line, boolean markup) {
        List<PlaceholderMatch> found = new ArrayList<>();
        if (!markup && line.indexOf('<') >= 0) {
            collect(found, ANGLE_WORDS, line);
            angleMulti(found, line);
        }
        if (line.indexOf('[') >= 0) {
            collectBrackets(found, line, false);
        }
        if (mayHoldWord(line)) {
            collect(found, WORDS, line);
        }
        if (!markup && line.contains("your")) {
            collect(found, CODE_LOWER_YOUR, line);
        }
        PlaceholderMatch.addMatchesOf(extra, found, line);
        return PlaceholderMatch.inLineOrder(found);
    }

    private static void angleMulti(List<PlaceholderMatch> found, String line) {
        Matcher multi = ANGLE_MULTI.matcher(line);
        while (multi.find()) {
            String name = multi.group(1);
            if (!HTML_TAGS.contains(name.toLowerCase()) && WRITE_TIME_WORD.matcher(name).find()) {
                PlaceholderMatch.addUnlessOverlapping(found, multi.start(), multi.end(), line);
            }
        }
    }

    private void collectBrackets(List<PlaceholderMatch> found, String line, boolean prose) {
        List<Pattern> patterns = prose ? List.of(BRACKET_WORDS, BRACKET_SLOT, BRACKET_SLASH_LIST, BRACKET_KEBAB)
                : List.of(BRACKET_WORDS, BRACKET_SLOT, BRACKET_SLASH_LIST);
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                // [text](url), [text][ref] and [ref]: are links, not slots; ${arr[ID]} is shell.
                boolean link = m.end() < line.length() && (line.charAt(m.end()) == '(' || line.charAt(m.end()) == '['
                        || line.charAt(m.end()) == ':');
                // [text][ref]: the second bracket is a reference label.
                boolean subscript = m.start() > 0 && (Character.isLetterOrDigit(line.charAt(m.start() - 1))
                        || line.charAt(m.start() - 1) == ']');
                // [Grafana/Prometheus] is a list of names; [Name/Phone/Slack] is a form to fill in.
                boolean slots = pattern != BRACKET_SLASH_LIST || SLOT_WORD.matcher(m.group()).find();
                if (!(prose && link) && !subscript && slots) {
                    PlaceholderMatch.addUnlessOverlapping(found, m.start(), m.end(), line);
                }
            }
        }
    }

    private static void collect(List<PlaceholderMatch> found, Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            PlaceholderMatch.addUnlessOverlapping(found, m.start(), m.end(), line);
        }
    }
}
