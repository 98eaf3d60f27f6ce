package dev.runbook.load;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.runbook.core.RunLog;
import dev.runbook.model.ParsedDocument;
import dev.runbook.model.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A load holds the ASTs of the pages it parsed only within its budget, and an AST let go is made again equal. */
class SyntaxTreeBudgetTest {

    @TempDir
    Path dir;

    private static String page(int i) {
        // 1,000 chars of Markdown with the constructs the model and the site read: headings with ids, a link,
        // a fence, a table, a list.
        StringBuilder text = new StringBuilder("---\ntitle: Page " + i + "\n---\n# Page " + i + " {#top}\n\n## Steps\n\n"
                + "1. Run [the check](other.md#x).\n2. Then\n\n```bash\nkubectl get pods -n ns" + i + "\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
        while (text.length() < 1000) {
            text.append('x');
        }
        return text.substring(0, 1000);
    }

    private List<Runbook> load(long budget) throws Exception {
        return new ContentLoader(ContentLoader.DEFAULT_MAX_FILE_BYTES, RunLog.SILENT, LoadOptions.DEFAULTS)
                .syntaxTreeBudget(budget).load(dir.resolve("content")).runbooks();
    }

    private static String tree(Node node) {
        StringBuilder out = new StringBuilder();
        dump(node, 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append(" ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ').append(node.getStartOffset())
                .append('-').append(node.getEndOffset()).append(' ').append(node.getChars()).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }

    @Test
    void onlyThePagesWithinTheBudgetHoldTheirAstAndTheOthersAreParsedAgainAlike() throws Exception {
        for (int i = 0; i < 10; i++) {
            Files.createDirectories(dir.resolve("content"));
            Files.writeString(dir.resolve("content/p" + i + ".md"), page(i));
        }
        List<Runbook> everyTreeHeld = load(Long.MAX_VALUE);
        List<Runbook> threeHeld = load(3_500);
        assertTrue(everyTreeHeld.stream().allMatch(r -> r.parsed().inMemory()));
        assertEquals(3, threeHeld.stream().filter(r -> r.parsed().inMemory()).count(),
                "1,000 chars each, 3,500 chars of budget");
        for (int i = 0; i < 10; i++) {
            Runbook held = everyTreeHeld.get(i);
            Runbook parsedAgain = threeHeld.get(i);
            assertEquals(held.headings(), parsedAgain.headings());
            assertEquals(tree(held.document()), tree(parsedAgain.document()));
            assertTrue(parsedAgain.parsed().inMemory(), "an AST made on demand is kept until released");
            parsedAgain.parsed().release();
            assertFalse(parsedAgain.parsed().inMemory());
            held.parsed().release();
            assertFalse(held.parsed().inMemory(), "a held AST is let go too");
            assertEquals(tree(parsedAgain.document()), tree(held.document()), "and made again alike");
        }
        assertEquals(0, load(999).stream().filter(r -> r.parsed().inMemory()).count(), "a page over the budget is not held");
    }

    @Test
    void releaseParsesAgainOnceAndAnAstThatCannotBeMadeAgainStays() {
        Document first = ContentLoader.parseMarkdown("# A\n", 0);
        AtomicInteger parses = new AtomicInteger();
        ParsedDocument document = ParsedDocument.heldUntilReleased(first, () -> {
            parses.incrementAndGet();
            return ContentLoader.parseMarkdown("# A\n", 0);
        });
        assertSame(first, document.get());
        document.release();
        Document again = document.get();
        assertNotSame(first, again);
        assertSame(again, document.get(), "kept until released");
        assertEquals(1, parses.get());

        ParsedDocument only = ParsedDocument.of(first);
        only.release();
        assertTrue(only.inMemory());
        assertSame(first, only.get());
    }
}
