package dev.runbook.site.render;

import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import javax.swing.text.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time syntax highlighting of a code block: the text becomes spans with a class per kind of token
 * ({@code hl-k} keyword, {@code hl-s} string, {@code hl-c} comment…), coloured by {@code site.css}, so the
 * page needs no script and no style attribute to show it. The text itself is unchanged, so the copy button
 * still copies exactly what the author wrote.
 *
 * <p>The lexers are RSyntaxTextArea's (JFlex-generated, maintained, pure Java, one jar), used headless: only
 * their token makers, never a Swing component. Three languages it does not know get small rule lists here:
 * diff is defined by its line prefixes, and PromQL and HCL have no maintained Java lexer. A language this
 * class does not know stays plain text.
 */
final class CodeHighlighter {

    /** Fence info word (lower case) to RSyntaxTextArea's style. */
    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("bash", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("sh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("shell", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("zsh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("json", SyntaxConstants.SYNTAX_STYLE_JSON),
            Map.entry("yaml", SyntaxConstants.SYNTAX_STYLE_YAML),
            Map.entry("yml", SyntaxConstants.SYNTAX_STYLE_YAML),
            Map.entry("sql", SyntaxConstants.SYNTAX_STYLE_SQL),
            Map.entry("psql", SyntaxConstants.SYNTAX_STYLE_SQL),
            Map.entry("postgresql", SyntaxConstants.SYNTAX_STYLE_SQL),
            Map.entry("python", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            Map.entry("py", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            Map.entry("go", SyntaxConstants.SYNTAX_STYLE_GO),
            Map.entry("golang", SyntaxConstants.SYNTAX_STYLE_GO),
            Map.entry("java", SyntaxConstants.SYNTAX_STYLE_JAVA),
            Map.entry("dockerfile", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            Map.entry("docker", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            Map.entry("ini", SyntaxConstants.SYNTAX_STYLE_INI),
            Map.entry("toml", SyntaxConstants.SYNTAX_STYLE_INI),
            Map.entry("cfg", SyntaxConstants.SYNTAX_STYLE_INI),
            Map.entry("properties", SyntaxConstants.SYNTAX_STYLE_PROPERTIES_FILE));

    private static final List<String> CONSOLE = List.of("console", "shell-session", "terminal");
    private static final List<String> DIFF = List.of("diff", "patch");
    private static final List<String> PROMQL = List.of("promql");
    private static final List<String> HCL = List.of("hcl", "terraform", "tf");

    /** A shell prompt at the start of a console line: {@code $ }, {@code # }, {@code user@host:~$ }. */
    private static final Pattern PROMPT = Pattern.compile("^(?:[\\w.@:~/-]*[$#%]|>) ");

    private static final Rules PROMQL_RULES = new Rules(
            new Rule("hl-c", "#[^\\n]*"),
            new Rule("hl-s", "\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?|`[^`]*`?"),
            new Rule("hl-n", "\\d+(?:\\.\\d+)?(?:ms|[smhdwy])(?:\\d+(?:ms|[smhdwy]))*\\b|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b|\\b(?:Inf|NaN)\\b"),
            new Rule("hl-k", "\\b(?:by|without|on|ignoring|group_left|group_right|offset|bool|and|or|unless|sum|min|max|avg"
                    + "|group|stddev|stdvar|count|count_values|bottomk|topk|quantile|limitk|limit_ratio)\\b(?=\\s*[(\\s])"),
            new Rule("hl-f", "\\b[a-zA-Z_]\\w*(?=\\s*\\()"),
            new Rule("hl-v", "\\b[a-zA-Z_]\\w*(?=\\s*(?:=~|!~|!=|=)\\s*[\"'`])"),
            new Rule(null, "[a-zA-Z_:][\\w:]*|\\s+|."));

    private static final Rules HCL_RULES = new Rules(
            new Rule("hl-c", "#[^\\n]*|//[^\\n]*|/\\*[\\s\\S]*?(?:\\*/|$)"),
            new Rule("hl-s", "\"(?:[^\"\\\\\\n]|\\\\.)*\"?|<<-?(\\w+)\\n[\\s\\S]*?(?:\\n\\s*\\1\\b|$)"),
            new Rule("hl-n", "\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b|\\b(?:true|false|null)\\b"),
            new Rule("hl-k", "(?m)^\\s*[a-zA-Z_][\\w-]*(?=\\s+(?:\"|[a-zA-Z_][\\w-]*\\s*\\{|\\{))"
                    + "|\\b(?:for|in|if|else|endif|endfor)\\b"),
            new Rule("hl-f", "\\b[a-zA-Z_][\\w-]*(?=\\()"),
            new Rule("hl-v", "\\b[a-zA-Z_][\\w-]*(?=\\s*=[^=])"),
            new Rule(null, "[a-zA-Z_][\\w-]*|\\s+|."));

    /** RSyntaxTextArea's token makers keep state per line: one per thread and language. */
    private static final ThreadLocal<Map<String, TokenMaker>> MAKERS = ThreadLocal.withInitial(HashMap::new);

    private CodeHighlighter() {
    }

    /** Whether {@link #highlight} colours this language (the fence's first word). */
    static boolean knows(String language) {
        String key = language.toLowerCase(Locale.ROOT);
        return STYLES.containsKey(key) || CONSOLE.contains(key) || DIFF.contains(key) || PROMQL.contains(key) || HCL.contains(key);
    }

    /** Replaces the text of {@code code} with highlighted spans of the same text; unknown languages are left alone. */
    static void highlight(Element code, String language) {
        String key = language.toLowerCase(Locale.ROOT);
        String text = code.wholeText();
        if (!knows(key) || text.isEmpty()) {
            return;
        }
        Element out = new Element("code");
        if (STYLES.containsKey(key)) {
            lex(out, text, STYLES.get(key));
        } else if (CONSOLE.contains(key)) {
            console(out, text);
        } else if (DIFF.contains(key)) {
            diff(out, text);
        } else if (PROMQL.contains(key)) {
            PROMQL_RULES.apply(out, text);
        } else {
            HCL_RULES.apply(out, text);
        }
        code.empty();
        code.insertChildren(0, out.childNodesCopy());
    }

    /** Lines through an RSyntaxTextArea token maker, carrying its state (an open string, a comment) across lines. */
    private static void lex(Element out, String text, String style) {
        TokenMaker maker = MAKERS.get().computeIfAbsent(style, s -> TokenMakerFactory.getDefaultInstance().getTokenMaker(s));
        int state = TokenTypes.NULL;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            state = lexLine(out, lines[i], maker, state);
            if (i < lines.length - 1) {
                text(out, "\n");
            }
        }
    }

    private static int lexLine(Element out, String line, TokenMaker maker, int state) {
        if (line.isEmpty()) {
            return state;
        }
        char[] chars = line.toCharArray();
        Token token = maker.getTokenList(new Segment(chars, 0, chars.length), state, 0);
        int next = TokenTypes.NULL;
        int written = 0;
        for (; token != null; token = token.getNextToken()) {
            if (token.isPaintable()) {
                String lexeme = token.getLexeme();
                span(out, classOf(token.getType()), lexeme);
                written += lexeme.length();
            }
            if (token.getNextToken() == null) {
                next = token.getType();
            }
        }
        if (written < line.length()) { // never lose text, whatever a lexer does at a line's end
            text(out, line.substring(written));
        }
        return next;
    }

    private static String classOf(int type) {
        return switch (type) {
            case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
                 TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "hl-c";
            case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2, TokenTypes.MARKUP_TAG_NAME -> "hl-k";
            case TokenTypes.FUNCTION -> "hl-f";
            case TokenTypes.LITERAL_BOOLEAN, TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
                 TokenTypes.LITERAL_NUMBER_HEXADECIMAL -> "hl-n";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
                 TokenTypes.REGEX, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, TokenTypes.ERROR_STRING_DOUBLE,
                 TokenTypes.ERROR_CHAR -> "hl-s";
            case TokenTypes.DATA_TYPE, TokenTypes.ANNOTATION, TokenTypes.PREPROCESSOR -> "hl-t";
            case TokenTypes.VARIABLE, TokenTypes.MARKUP_TAG_ATTRIBUTE -> "hl-v";
            default -> null;
        };
    }

    /** A terminal session: prompt lines are shell commands after a muted prompt, other lines are output. */
    private static void console(Element out, String text) {
        TokenMaker shell = MAKERS.get().computeIfAbsent(SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL,
                s -> TokenMakerFactory.getDefaultInstance().getTokenMaker(s));
        String[] lines = text.split("\n", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher prompt = PROMPT.matcher(line);
            if (continued || prompt.find()) {
                int start = continued ? 0 : prompt.end();
                if (start > 0) {
                    span(out, "hl-p", line.substring(0, start));
                }
                lexLine(out, line.substring(start), shell, TokenTypes.NULL);
                continued = line.endsWith("\\");
            } else if (!line.isEmpty()) {
                span(out, "hl-o", line);
            }
            if (i < lines.length - 1) {
                text(out, "\n");
            }
        }
    }

    /** A unified diff: added, removed, hunk header and file header lines. */
    private static void diff(Element out, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String cls;
            if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff ") || line.startsWith("index ")) {
                cls = "hl-m";
            } else if (line.startsWith("@@")) {
                cls = "hl-h";
            } else if (line.startsWith("+")) {
                cls = "hl-ins";
            } else if (line.startsWith("-")) {
                cls = "hl-del";
            } else {
                cls = null;
            }
            span(out, cls, line);
            if (i < lines.length - 1) {
                text(out, "\n");
            }
        }
    }

    private static void span(Element out, String cls, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (cls == null) {
            text(out, text);
        } else {
            out.appendElement("span").addClass(cls).appendChild(new TextNode(text));
        }
    }

    /** Appends text, merged into a preceding text node so plain runs stay one node. */
    private static void text(Element out, String text) {
        if (out.childNodeSize() > 0 && out.childNode(out.childNodeSize() - 1) instanceof TextNode last) {
            last.text(last.getWholeText() + text);
        } else {
            out.appendChild(new TextNode(text));
        }
    }

    private record Rule(String cls, String regex) {
    }

    /** Ordered rules tried at each position; the first that matches there makes the token. */
    private static final class Rules {
        private final List<Pattern> patterns;
        private final List<String> classes;

        Rules(Rule... rules) {
            this.patterns = java.util.Arrays.stream(rules).map(r -> Pattern.compile(r.regex())).toList();
            this.classes = java.util.Arrays.stream(rules).map(Rule::cls).toList();
        }

        void apply(Element out, String text) {
            List<Matcher> matchers = patterns.stream().map(p -> p.matcher(text)
                    .useAnchoringBounds(false).useTransparentBounds(true)).toList();
            int at = 0;
            while (at < text.length()) {
                int end = at + 1;
                String cls = null;
                for (int i = 0; i < matchers.size(); i++) {
                    Matcher m = matchers.get(i).region(at, text.length());
                    if (m.lookingAt() && m.end() > at) {
                        end = m.end();
                        cls = classes.get(i);
                        break;
                    }
                }
                span(out, cls, text.substring(at, end));
                at = end;
            }
        }
    }
}
