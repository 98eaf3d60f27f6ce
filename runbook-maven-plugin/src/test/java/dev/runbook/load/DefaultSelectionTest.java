package dev.runbook.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default selection answers without its globs; it must answer as they do, for every path. */
class DefaultSelectionTest {

    private static final LoadOptions DEFAULTS = LoadOptions.DEFAULTS;

    @Test
    void sameAnswerAsTheGlobsOnTrickyPaths() {
        List<String> paths = List.of("a.md", "A.MD", "docs/x.Md", "docs/deep/er/y.mD", ".md", "dir/.md", "x.md.bak",
                "x.markdown", "md", "dir.md/file.txt", "dir.md/file.md", "a b/ c .md", "dir\\name.md", "İ.md",
                "straße/ß.MD", "a\nb/x.md", "x.md\n", "a\rb.md", "a\u2028b/c.md", "a\u0085.md", "日本/手順.md",
                "trailing/", "x.mdx", "-.md", "a/b/c/d/e/f/g.md");
        for (String path : paths) {
            assertEquals(DEFAULTS.selectedByGlobs(path), DEFAULTS.selects(path), path);
        }
        assertTrue(DEFAULTS.selects("A.MD"));
        assertFalse(DEFAULTS.selects("dir.md/file.txt"));
    }

    @Test
    void sameAnswerAsTheGlobsOnRandomPaths() {
        Random random = new Random(20261206);
        String[] pieces = {"a", "B", "m", "M", "d", "D", ".", ".md", ".MD", "/", "/", "-", "_", " ", "\\", "é", "İ", "ß",
                "\n", "\r", "\u2028", "\u0085", "\t", "*", "?", "[", "]", "{", "}", ",", "x"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                path.append(pieces[random.nextInt(pieces.length)]);
            }
            String p = path.toString();
            if (p.startsWith("/") || p.contains("//") || p.endsWith("/")) {
                continue; // the walk never gives such a path: it is relative and names a file
            }
            assertEquals(DEFAULTS.selectedByGlobs(p), DEFAULTS.selects(p), () -> p.replace("\n", "\\n"));
        }
    }

    @Test
    void otherOptionsStillUseTheirGlobs() {
        LoadOptions docsOnly = new LoadOptions(List.of("docs/**/*.md"), List.of(), null);
        assertTrue(docsOnly.selects("docs/x.md"));
        assertFalse(docsOnly.selects("x.md"));
        LoadOptions excluding = new LoadOptions(List.of("**/*.md"), List.of("drafts/**"), null);
        assertFalse(excluding.selects("drafts/x.md"));
        assertTrue(excluding.selects("x.md"));
    }
}
