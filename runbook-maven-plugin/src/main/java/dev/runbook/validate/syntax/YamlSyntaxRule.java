package dev.runbook.validate.syntax;

import dev.runbook.findings.RuleInfo;
import dev.runbook.findings.Severity;
import dev.runbook.model.CodeBlock;
import dev.runbook.model.Runbook;
import dev.runbook.validate.RuleSettings;
import dev.runbook.validate.FindingSink;
import dev.runbook.validate.Rule;
import dev.runbook.validate.ValidationContext;
import dev.runbook.validate.placeholders.PlaceholderLines;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code yaml.syntax} (error): a {@code yaml}/{@code yml} fence that does not parse, or a mapping with the
 * same key twice (the second silently wins in most tools). Several documents ({@code ---}) are fine, and so
 * are custom tags ({@code !Ref}): the YAML is composed, never constructed. Template expressions such as
 * Helm's {@code {{ .Values.image }}} or Jinja's are not YAML until rendered: a line that holds only a
 * template action ({@code {{- if … }}}) is ignored and an inline expression is read as a plain word, so
 * neither is reported. A line holding only {@code ...} is the usual "parts left out" of an example, not
 * YAML's end-of-document marker, and is ignored too. An error on a line with a placeholder is left to {@code placeholder.*}.
 */
public final class YamlSyntaxRule implements Rule {

    public static final String ID = "yaml.syntax";

    private static final Pattern TEMPLATE_ONLY_LINE = Pattern.compile("^\\s*\\{\\{.*\\}\\}\\s*$|^\\s*\\{%.*%\\}\\s*$");
    private static final Pattern ELISION = Pattern.compile("^\\s*(?:#\\s*)?(?:\\.\\.\\.|…)\\s*$");

    private final PlaceholderLines placeholders;

    public YamlSyntaxRule(RuleSettings settings) {
        this.placeholders = new PlaceholderLines(settings);
    }

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "a yaml fence that does not parse, or repeats a key");

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
            if (!block.fenced() || !(block.language().equals("yaml") || block.language().equals("yml"))
                    || block.body().isBlank()) {
                continue;
            }
            List<String> lines = block.lines();
            String text = withoutTemplates(lines);
            Problem problem = firstProblem(text);
            if (problem == null) {
                continue;
            }
            int row = Math.max(0, Math.min(problem.line(), lines.size() - 1));
            if (placeholders.hasPlaceholder(lines.get(row)) || indentationAfterElision(problem, lines, row)) {
                continue;
            }
            sink.report(this, runbook, CodeColumns.at(runbook, block, row, problem.column()),
                    problem.message(), problem.hint());
        }
    }

    private record Problem(int line, int column, String message, String hint) {
    }

    /**
     * An indentation error on the line right after a {@code ...} line: the elision stands for lines left out,
     * so the jump in indentation is the author's abridgement ({@code ...} then {@code   status:} deeper), not
     * a mistake in the YAML.
     */
    private static boolean indentationAfterElision(Problem problem, List<String> lines, int row) {
        if (!problem.message().contains("indentation") && !problem.message().contains("unexpected `: `")) {
            return false;
        }
        int previous = row - 1;
        while (previous >= 0 && lines.get(previous).isBlank()) {
            previous--;
        }
        return previous >= 0 && ELISION.matcher(lines.get(previous)).matches();
    }

    static String withoutTemplates(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (TEMPLATE_ONLY_LINE.matcher(line).matches() || ELISION.matcher(line).matches()) {
                out.append('#').append(" ".repeat(Math.max(0, line.length() - 1)));
            } else {
                out.append(templatesMasked(line));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * {@code {{ … }}} and {@code {% … %}} replaced by {@code x}s of the same length, leftmost first and each
     * closed at its first closer (a lazy match), in linear time: once a closer is missing after some
     * point, no later opener can be closed, so the scan stops instead of rescanning to the line end.
     */
    static String templatesMasked(String line) {
        char[] kept = null;
        boolean braces = true;
        boolean percents = true;
        int i = 0;
        while (i < line.length() - 1 && (braces || percents)) {
            int end = -1;
            if (line.charAt(i) == '{' && braces && line.charAt(i + 1) == '{') {
                int close = line.indexOf("}}", i + 2);
                braces = close >= 0;
                end = close < 0 ? -1 : close + 2;
            } else if (line.charAt(i) == '{' && percents && line.charAt(i + 1) == '%') {
                int close = line.indexOf("%}", i + 2);
                percents = close >= 0;
                end = close < 0 ? -1 : close + 2;
            }
            if (end < 0) {
                i++;
                continue;
            }
            if (kept == null) {
                kept = line.toCharArray();
            }
            java.util.Arrays.fill(kept, i, end, 'x');
            i = end;
        }
        return kept == null ? line : new String(kept);
    }

    private static Problem firstProblem(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        options.setCodePointLimit(4 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            for (Node document : yaml.composeAll(new StringReader(text))) {
                Problem duplicate = duplicateKey(document);
                if (duplicate != null) {
                    return duplicate;
                }
            }
            return null;
        } catch (MarkedYAMLException e) {
            return inWords(e);
        } catch (YAMLException e) {
            return new Problem(0, 0, "YAML does not parse: " + e.getMessage(), "fix the YAML");
        }
    }

    private static final String QUOTING_HINT =
            "check the indentation and quoting here; a value with \": \", \"#\" or a leading \"{\", \"*\", \"@\" or \"`\" needs quotes";

    /**
     * SnakeYAML's problem said as a person would, at the place to fix: an unterminated quote at the quote that
     * opened it (SnakeYAML notices at the end of the block), a flow collection never closed at its bracket.
     */
    private static Problem inWords(MarkedYAMLException e) {
        Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark contextMark = e.getContextMark() != null ? e.getContextMark() : problemMark;
        int line = problemMark == null ? 0 : problemMark.getLine();
        int column = problemMark == null ? 0 : problemMark.getColumn();
        String problem = String.valueOf(e.getProblem());
        String context = String.valueOf(e.getContext());
        String words;
        if (context.contains("quoted scalar") && contextMark != null) {
            line = contextMark.getLine();
            column = contextMark.getColumn();
            words = "unterminated string: this quote is never closed";
        } else if (problem.contains("TAB")) {
            words = "a tab in the indentation: YAML indents with spaces only";
        } else if (problem.startsWith("found character")) {
            int quote = problem.indexOf('\'');
            String c = quote >= 0 && quote + 1 < problem.length() ? problem.substring(quote + 1, quote + 2) : "?";
            words = "a plain value cannot start with `" + c + "`: put the value in quotes";
        } else if (problem.equals("mapping values are not allowed here")) {
            words = "unexpected `: ` here: quote a value that contains \": \", or indent this key under a key that has no value";
        } else if (problem.startsWith("expected <block end>")) {
            words = "this line's indentation does not match the lines above it";
        } else if (context.contains("flow sequence") || context.contains("flow mapping")) {
            boolean sequence = context.contains("sequence");
            if (contextMark != null) {
                line = contextMark.getLine();
                column = contextMark.getColumn();
            }
            words = "unclosed `" + (sequence ? "[" : "{") + "`: a `,` or `" + (sequence ? "]" : "}") + "` is missing";
        } else if (problem.startsWith("found undefined alias")) {
            words = "`*" + problem.substring("found undefined alias".length()).strip()
                    + "` refers to an anchor that is not defined above (quote the value if `*` is meant literally)";
        } else if (problem.startsWith("could not find expected ':'")) {
            words = "missing `:` after a key (or a line that is neither `key: value` nor a list item)";
        } else {
            words = problem + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
        }
        return new Problem(line, column, "YAML does not parse: " + words, QUOTING_HINT);
    }

    private static Problem duplicateKey(Node root) {
        Deque<Node> stack = new ArrayDeque<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node == null || seen.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (node instanceof MappingNode mapping) {
                Map<String, Node> keys = new HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && !"<<".equals(key.getValue())) {
                        Node previous = keys.putIfAbsent(key.getValue(), key);
                        if (previous != null) {
                            return new Problem(key.getStartMark().getLine(), key.getStartMark().getColumn(),
                                    "YAML duplicate key \"" + key.getValue() + "\" in one mapping (first on line "
                                            + (previous.getStartMark().getLine() + 1) + " of the block); the second silently wins",
                                    "keep one \"" + key.getValue() + "\" entry; merge the two values if both matter");
                        }
                    }
                    stack.push(tuple.getValueNode());
                    stack.push(tuple.getKeyNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                for (int i = sequence.getValue().size() - 1; i >= 0; i--) {
                    stack.push(sequence.getValue().get(i));
                }
            }
        }
        return null;
    }
}
