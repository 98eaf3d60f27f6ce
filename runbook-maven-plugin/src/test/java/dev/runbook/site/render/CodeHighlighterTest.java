package dev.runbook.site.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeHighlighterTest {

    private static Element highlighted(String language, String text) {
        Element code = Jsoup.parseBodyFragment("<pre><code></code></pre>").selectFirst("code");
        code.appendText(text);
        CodeHighlighter.highlight(code, language);
        assertEquals(text, code.wholeText(), "highlighting never changes the text (the copy button copies it)");
        assertTrue(code.select("[style]").isEmpty(), "classes only: a CSP forbids style attributes");
        return code;
    }

    /** One token of each language that must come out with its class: a keyword, a string, a comment... */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bash       | if [ -f x ]; then echo "hi"; fi # done          | hl-k | if
            sh         | export PGHOST=db # host                        | hl-c | # host
            json       | {"lag": 42, "ok": true}                        | hl-n | 42
            yaml       | replicas: 3 # keep odd                         | hl-c | # keep odd
            sql        | SELECT pg_is_in_recovery() FROM pg_stat;       | hl-k | SELECT
            python     | def lag(): return "x"                          | hl-k | def
            go         | func main() { fmt.Println("x") }              | hl-k | func
            java       | public final class A { String s = "x"; }       | hl-k | public
            dockerfile | FROM debian:12                                 | hl-k | FROM
            ini        | [server] # main                                | hl-c | # main
            toml       | port = 5432                                    | hl-t | port
            promql     | sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) | hl-f | rate
            hcl        | resource "aws_db_instance" "main" { count = 2 } | hl-k | resource
            """)
    void eachLanguageGetsItsTokens(String language, String text, String cls, String token) {
        Element code = highlighted(language, text);
        List<String> tokens = code.select("span." + cls).eachText();
        assertTrue(tokens.contains(token), language + ": " + cls + " " + tokens + " in " + code.html());
    }

    @Test
    void multiLineStateCarriesOverLines() {
        Element code = highlighted("java", "/* one\n two */ int x;");
        assertEquals(List.of("/* one", "two */"), code.select("span.hl-c").eachText());
        assertTrue(code.select("span.hl-t, span.hl-k").eachText().contains("int"), code.html());
    }

    @Test
    void consolePromptsAreMutedCommandsAreShellAndOutputIsOutput() {
        Element code = highlighted("console", "$ echo hi\nhi\n# psql -c 'select 1'\n");
        assertEquals(List.of("$ ", "# "), code.select("span.hl-p").eachText().stream().map(s -> s + " ").toList()
                .stream().map(String::strip).map(s -> s + " ").toList());
        assertEquals(List.of("hi"), code.select("span.hl-o").eachText());
        assertTrue(code.select("span.hl-s").eachText().contains("'select 1'"), code.html());
    }

    @Test
    void diffLinesByPrefix() {
        Element code = highlighted("diff", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same");
        assertEquals(List.of("-old"), code.select("span.hl-del").eachText());
        assertEquals(List.of("+new"), code.select("span.hl-ins").eachText());
        assertEquals(List.of("@@ -1 +1 @@"), code.select("span.hl-h").eachText());
        assertEquals(2, code.select("span.hl-m").size());
    }

    @Test
    void unknownLanguageStaysPlainText() {
        Element code = highlighted("brainfuck", "++[>+<-]");
        assertTrue(code.children().isEmpty());
        assertFalse(CodeHighlighter.knows("text"));
    }

    @Test
    void markupInCodeStaysText() {
        Element code = highlighted("bash", "echo \"<script>alert(1)</script>\"");
        assertTrue(code.select("script").isEmpty());
        assertTrue(code.html().contains("&lt;script&gt;"), code.html());
    }
}
