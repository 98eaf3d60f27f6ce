package dev.runbook.load;

import com.vladsch.flexmark.ast.LinkNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's parser skips the autolink post-processor on text that cannot hold a link; it must make the
 * same AST as flexmark's own autolink extension on every input, links or not.
 */
class AutolinkSkipTest {

    private static final DataHolder FLEXMARK_AUTOLINK = new MutableDataSet(MarkdownSupport.OPTIONS)
            .set(Parser.EXTENSIONS, List.<Extension>of(
                    TablesExtension.create(),
                    StrikethroughExtension.create(),
                    TaskListExtension.create(),
                    AutolinkExtension.create()))
            .toImmutable();
    private static final Parser REFERENCE = MarkdownSupport.builder(FLEXMARK_AUTOLINK).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder(FLEXMARK_AUTOLINK).build();

    private static final List<String> TRICKY = List.of(
            "see http://example.com/a?b=c for more",
            "mail ops@example.com now",
            "www.example.com and WWW.EXAMPLE.COM and ww.example.com and wwww.x.y",
            "an entity made colon: http&#58;//example.com/x and http&colon;//example.com",
            "an escaped colon http\\://example.com and \\@ and a\\@b.co",
            "scheme only ftp:// and x-y+z.w:// end",
            "https://",
            "**bold http://a.b/c** and _www.x.org_ and `http://in.code` and ~~a@b.cd~~",
            "[a link](http://x.y) beside http://z.w",
            "<http://angle.example> and <ops@example.com>",
            "AT&T &amp; www&#46;example&#46;com and &#119;ww.example.com",
            "| a | b |\n|---|---|\n| http://t.example | c@d.ef |\n",
            "- [ ] http://task.example\n- [x] plain task",
            "line one\nhttp://second.line.example\nw\nww.split.example",
            "no link here at all, just words with w and ww",
            "trailing colon:",
            "a @ alone and : alone and & alone and \\ alone");

    @Test
    void sameAstAsFlexmarksAutolinkOnTrickyText() {
        for (String markdown : TRICKY) {
            assertSameAst(markdown);
        }
    }

    @Test
    void sameAstAsFlexmarksAutolinkOnRandomText() {
        Random random = new Random(20261206);
        String[] pieces = {"http", "https", "ftp", "://", ":", "/", "@", "w", "ww", "www", ".", "com", "example",
                "&", "#58;", "#119;", "amp;", "colon;", ";", "\\", "*", "_", "`", "~~", "[", "]", "(", ")", "<", ">",
                " ", " ", " ", "\n", "\n\n", "| ", "|---|", "- ", "a", "b", "x.y", "-", "+", "?", "=", "é", "\t"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder markdown = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                markdown.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAst(markdown.toString());
        }
    }

    @Test
    void skipsOnlyTextThatCannotHoldALink() {
        Node plain = MarkdownSupport.parser().parse("just words, no link").getFirstChild().getFirstChild();
        assertFalse(LinkFreeTextSkippingAutolink.mayHoldLink(plain));
        for (String text : List.of("a:b", "a@b", "a\\*b", "a&amp;b", "go www now")) {
            Node node = REFERENCE.parse(text).getFirstChild().getFirstChild();
            assertTrue(LinkFreeTextSkippingAutolink.mayHoldLink(node), text);
        }
    }

    private static void assertSameAst(String markdown) {
        Node expected = REFERENCE.parse(markdown);
        Node actual = MarkdownSupport.parser().parse(markdown);
        assertEquals(dump(expected), dump(actual), markdown);
        assertEquals(HTML.render(expected), HTML.render(actual), markdown);
    }

    /** Every node's type and source range, and a link's URL, in document order. */
    private static String dump(Node root) {
        List<String> lines = new ArrayList<>();
        dump(root, 0, lines);
        return String.join("\n", lines);
    }

    private static void dump(Node node, int depth, List<String> lines) {
        String url = node instanceof LinkNode link ? " " + link.getUrl() : "";
        lines.add("  ".repeat(depth) + node.getClass().getSimpleName() + "[" + node.getStartOffset() + ","
                + node.getEndOffset() + "]" + url);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, lines);
        }
    }
}
