package dev.runbook.validate.commands;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.model.SourcePosition;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.encoding.MojibakeRule;
import dev.runbook.validate.syntax.CodeColumns;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code command.unicode} (error): characters in code that look right and paste wrong, usually left by a
 * word processor or a chat tool:
 * <ul>
 * <li>invisible ones in any code block: no-break and other odd spaces (U+00A0, U+202F, U+2000–U+200A),
 * zero-width and bidi controls (U+200B–U+200F, U+2060, U+FEFF, U+202A–U+202E, U+2066–U+2069), soft hyphen;</li>
 * <li>smart quotes (U+2018/U+2019/U+201C/U+201D …) in shell, JSON and SQL blocks (untagged blocks are as
 * often log output as commands, so not there) where they
 * stand in for a quote: not inside an ASCII-quoted string ({@code -m "Don’t"}), not as an apostrophe inside a
 * word ({@code can’t}), not in shell comments; in YAML only where they delimit a value;</li>
 * <li>dashes (U+2013 EN DASH, U+2014 EM DASH, U+2212 MINUS SIGN …) starting a word in shell or untagged
 * blocks, as in {@code –-force} or {@code —help}.</li>
 * </ul>
 * Prose-like blocks ({@code text}, {@code markdown}, {@code output} …) are not checked. One finding per line,
 * naming the character and its column.
 */
public final class CommandUnicodeRule implements Rule {

    public static final String ID = "command.unicode";

    private static final Set<String> PROSE = Set.of("text", "txt", "plaintext", "plain", "markdown", "md", "output",
            "log", "diff", "smoke");
    private static final Set<String> QUOTE_LANGUAGES = Set.of("json", "sql", "psql", "powershell", "ps1");

    /** Quote and comment context is rescanned per char; beyond this a line is data, not a command. */
    private static final int MAX_ANALYSED_LINE = 2000;

    private final RuleSettings settings;

    public CommandUnicodeRule(RuleSettings settings) {
        this.settings = settings;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "smart quotes, en/em dash before a flag, NBSP, zero-width chars in code");

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
        for (CodeBlock block : runbook.codeBlocks()) {
            String language = block.language().toLowerCase(Locale.ROOT);
            if (PROSE.contains(language)) {
                continue;
            }
            List<String> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (int k = 0; k < line.length(); k++) {
                    String replacement = line.charAt(k) < 0x80 ? null : replacementFor(language, line, k);
                    if (replacement != null && MojibakeRule.reportsCharAt(line, k)) {
                        continue; // encoding.mojibake reports the whole mangled sequence, this char included.
                    }
                    if (replacement != null) {
                        char c = line.charAt(k);
                        SourcePosition at = CodeColumns.at(runbook, block, i, k);
                        sink.report(this, runbook, at,
                                String.format(Locale.ROOT, "U+%04X %s", (int) c, Character.getName(c)) + " in code at column "
                                        + at.column() + "; a shell or parser does not read it as the ASCII character it looks like",
                                "replace it with " + (replacement.length() <= 2 ? "\"" + replacement + "\"" : replacement)
                                        + " (retype the command rather than pasting it from a document or chat)");
                        break;
                    }
                }
            }
        }
    }

    /** The ASCII replacement for the char at k when it is a problem in this language, else null. */
    private String replacementFor(String language, String line, int k) {
        char c = line.charAt(k);
        if (isInvisible(c)) {
            return isSpace(c) ? "a plain space" : "nothing (delete it)";
        }
        if (line.length() > MAX_ANALYSED_LINE) {
            return null;
        }
        boolean shell = settings.isShell(language);
        int commentStart = shell ? shellCommentStart(line) : line.length();
        if (k >= commentStart) {
            return null;
        }
        if (isSmartQuote(c)) {
            boolean yaml = language.equals("yaml") || language.equals("yml");
            boolean asQuote = !isApostrophe(line, k) && !insideAsciiQuotes(line, k);
            boolean checked = shell || QUOTE_LANGUAGES.contains(language) || (yaml && delimitsYamlValue(line, k));
            return asQuote && checked ? (isSingleQuote(c) ? "'" : "\"") : null;
        }
        boolean dashes = shell || language.isEmpty();
        if (dashes && isDash(c) && startsWord(line, k) && k + 1 < line.length()
                && (line.charAt(k + 1) == '-' || Character.isLetterOrDigit(line.charAt(k + 1)))) {
            return line.charAt(k + 1) == '-' ? "-" : c == '\u2014' ? "--" : "- (or --)";
        }
        return null;
    }

    private static boolean isInvisible(char c) {
        return c == '\u00A0' || c == '\u00AD' || c == '\u180E' || (c >= '\u2000' && c <= '\u200F')
                || (c >= '\u2028' && c <= '\u202F') || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u3000' || c == '\uFEFF';
    }

    private static boolean isSpace(char c) {
        return c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u3000' || c == '\u2028'
                || c == '\u2029';
    }

    private static boolean isSmartQuote(char c) {
        return (c >= '\u2018' && c <= '\u201F') || c == '\u2032' || c == '\u2033';
    }

    private static boolean isSingleQuote(char c) {
        return c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B' || c == '\u2032';
    }

    /** {@code can’t}: a typographic apostrophe inside a word is text, not a quote. */
    private static boolean isApostrophe(String line, int k) {
        return k > 0 && k + 1 < line.length() && Character.isLetter(line.charAt(k - 1)) && Character.isLetter(line.charAt(k + 1));
    }

    /** Inside "…" or '…' a smart quote is just a character of the string ({@code git commit -m "Don’t"}). */
    private static boolean insideAsciiQuotes(String line, int k) {
        char quote = 0;
        for (int i = 0; i < k; i++) {
            char c = line.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote != 0;
    }

    private static boolean isDash(char c) {
        return (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63' || c == '\uFF0D';
    }

    private static boolean startsWord(String line, int k) {
        return k == 0 || Character.isWhitespace(line.charAt(k - 1)) || line.charAt(k - 1) == '=';
    }

    private static boolean delimitsYamlValue(String line, int k) {
        String before = line.substring(0, k).stripTrailing();
        String after = line.substring(k + 1);
        return before.endsWith(":") || before.endsWith("- ") || before.equals("-") || before.endsWith("[")
                || before.endsWith(",") || after.stripTrailing().isEmpty() || before.isEmpty();
    }

    private static int shellCommentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return line.length();
    }
}
