package dev.runbook.validate.commands;

import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterBash;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bash syntax through tree-sitter-bash (a real grammar, in-process via JNI; no shell is ever started).
 * tree-sitter recovers from errors and marks them as ERROR or MISSING nodes; the first one in document
 * order is the problem we report. The native library is unpacked from the jar on first use; if that fails
 * (an unsupported OS/CPU, a noexec temp folder) {@link #load()} says why instead of crashing the build.
 */
final class BashParser {

    /**
     * Longer scripts are not parsed. tree-sitter's error recovery is native code that no thread interrupt
     * reaches, and it takes minutes on a hostile line (60,000 {@code <} in a row); its own timeout returns
     * a null tree the Java binding then dereferences (SIGSEGV). Real runbook blocks are far shorter.
     */
    static final int MAX_SCRIPT_CHARS = 10_000;

    /** A parse problem: 0-based row in the script, 0-based char column in that row, and what went wrong. */
    record Problem(int row, int column, String detail) {
    }

    /** Either a parser or the reason there is none. */
    record Loaded(BashParser parser, String failure) {
    }

    /** Compound commands whose opening word is where an incomplete one is best reported, and what completes them. */
    private static final Map<String, String> OPENERS = Map.of(
            "for", "\"do … done\"", "while", "\"do … done\"", "until", "\"do … done\"", "select", "\"do … done\"",
            "if", "\"then … fi\"", "case", "\"in … esac\"", "[", "\" ]\" (or, if this is a note, not a command: move it out of the fence)",
            "[[", "\" ]]\"", "{", "\"}\"");

    private final TSParser parser;

    private BashParser(TSParser parser) {
        this.parser = parser;
    }

    static Loaded load() {
        try {
            TSParser parser = new TSParser();
            if (!parser.setLanguage(new TreeSitterBash())) {
                return new Loaded(null, "tree-sitter-bash grammar version does not match the tree-sitter runtime");
            }
            return new Loaded(new BashParser(parser), null);
        } catch (LinkageError | RuntimeException e) {
            return new Loaded(null, "the bash parser (tree-sitter native library) could not be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e);
        }
    }

    Optional<Problem> firstProblem(String script) {
        if (script.length() > MAX_SCRIPT_CHARS) {
            return Optional.empty(); // Not checked: see MAX_SCRIPT_CHARS.
        }
        TSTree tree = parser.parseString(null, script);
        TSNode root = tree.getRootNode();
        if (!root.hasError()) {
            return Optional.empty();
        }
        TSNode bad = firstBad(root);
        if (bad == null) {
            return Optional.empty();
        }
        int row = bad.getStartPoint().getRow();
        String[] rows = script.split("\n", -1);
        String rowText = row < rows.length ? rows[row] : "";
        int column = charColumn(rowText, bad.getStartPoint().getColumn());
        String detail;
        if (bad.isMissing()) {
            detail = "missing \"" + bad.getType() + "\"";
        } else {
            // An ERROR node often starts at the blank before the token it could not place.
            while (column < rowText.length() && Character.isWhitespace(rowText.charAt(column))) {
                column++;
            }
            char at = column < rowText.length() ? rowText.charAt(column) : 0;
            char before = column > 0 && column <= rowText.length() ? rowText.charAt(column - 1) : 0;
            if (at == '\'' || at == '"') {
                detail = "unclosed " + at + " quote";
            } else if (before == '"' || before == '\'') {
                column--;
                detail = "unclosed " + before + " quote";
            } else {
                String token = tokenText(script, bad);
                String closer = OPENERS.get(token);
                detail = token.isBlank() ? "unexpected end of command"
                        : closer != null ? "\"" + token + "\" is not completed: expected " + closer
                        : "unexpected \"" + token + "\"";
            }
        }
        return Optional.of(new Problem(row, column, detail));
    }

    /**
     * Statements tree-sitter completed before it gave up. Error recovery often wraps them into the ERROR
     * node together with the token that broke the parse; they are not where the problem is.
     */
    private static final Set<String> COMPLETE_STATEMENTS = Set.of("command", "pipeline", "list",
            "variable_assignment", "variable_assignments", "declaration_command", "unset_command", "if_statement",
            "for_statement", "c_style_for_statement", "while_statement", "case_statement", "function_definition",
            "compound_statement", "subshell", "redirected_statement", "test_command", "negated_command", "comment",
            "heredoc_body");

    private static TSNode firstBad(TSNode node) {
        if (node.isMissing()) {
            return node;
        }
        if (node.isError()) {
            return offendingPart(node);
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            TSNode child = node.getChild(i);
            if (child.isMissing() || child.isError() || child.hasError()) {
                TSNode found = firstBad(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Inside an ERROR node, the first part that is not a statement tree-sitter completed: a nested error, or
     * the token it could not place ({@code [} of a test never closed, a {@code for} without {@code do}).
     */
    private static TSNode offendingPart(TSNode error) {
        for (int i = 0; i < error.getChildCount(); i++) {
            TSNode child = error.getChild(i);
            if (child.isMissing() || child.isError() || child.hasError()) {
                TSNode found = firstBad(child);
                return found != null ? found : child;
            }
            if (!(child.isNamed() && COMPLETE_STATEMENTS.contains(child.getType()))) {
                return child;
            }
        }
        return error;
    }

    /** The first leaf of an ERROR node: the token the parser could not place. */
    private static String tokenText(String script, TSNode error) {
        TSNode leaf = error;
        while (leaf.getChildCount() > 0) {
            leaf = leaf.getChild(0);
        }
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        int start = Math.min(leaf.getStartByte(), bytes.length);
        int end = Math.min(Math.max(leaf.getEndByte(), start), bytes.length);
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    /** tree-sitter columns count UTF-8 bytes; findings count chars. */
    static int charColumn(String rowText, int byteColumn) {
        int bytes = 0;
        for (int i = 0; i < rowText.length(); i++) {
            if (bytes >= byteColumn) {
                return i;
            }
            int cp = rowText.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        return rowText.length();
    }
}
